using Microsoft.AspNetCore.Authentication;

namespace Tss.Host.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>API-key authentication as the default scheme, and authorization requiring it.</summary>
    public static IServiceCollection AddTssApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
