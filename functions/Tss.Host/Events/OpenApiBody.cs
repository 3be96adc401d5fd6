using Microsoft.OpenApi;

namespace Tss.Host.Events;

/// <summary>
/// Documents a JSON request body in OpenAPI without Accepts metadata (which would make routing answer 415 itself,
/// without the API's ProblemDetails code): the handler reads the body and answers with the API's codes.
/// </summary>
public static class OpenApiBody
{
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct).ConfigureAwait(false);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
    }
}
