using Microsoft.AspNetCore.Authentication;

namespace Tss.Host.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>API-key authentication as the default scheme, authorization requiring it, and the per-client throttle of failed keys.</summary>
    public static IServiceCollection AddTssApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyThrottleOptions>().BindConfiguration(ApiKeyThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyFailureThrottle>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
