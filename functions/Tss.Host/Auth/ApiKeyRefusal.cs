using Tss.Host.Problems;

namespace Tss.Host.Auth;

/// <summary>
/// Why the API-key check refused a request, kept on the request's features so that the REST challenge and the SOAP
/// endpoint answer alike (401 missing/invalid, 429 too many failures with Retry-After).
/// </summary>
public sealed record ApiKeyRefusal(int Status, string Code, string Detail, TimeSpan? RetryAfter = null)
{
    public static readonly ApiKeyRefusal Missing = new(StatusCodes.Status401Unauthorized, ApiErrorCodes.MissingApiKey,
        "Informe a chave de API no cabeçalho Authorization (Bearer) ou X-Api-Key.");

    public static readonly ApiKeyRefusal Invalid = new(StatusCodes.Status401Unauthorized, ApiErrorCodes.InvalidApiKey, "Chave de API inválida ou revogada.");

    public static ApiKeyRefusal Throttled(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, ApiErrorCodes.TooManyFailedKeys,
        $"Muitas tentativas com chave de API inválida a partir deste endereço. Tente novamente em {Seconds(retryAfter)} segundos.", retryAfter);

    /// <summary>The refusal recorded for <paramref name="context"/>, or <see cref="Missing"/> when no key was presented.</summary>
    public static ApiKeyRefusal Of(HttpContext context) => context.Features.Get<ApiKeyRefusal>() ?? Missing;

    /// <summary>Sets Retry-After when there is one (whole seconds, at least 1).</summary>
    public void ApplyHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
