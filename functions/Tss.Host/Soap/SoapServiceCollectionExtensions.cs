namespace Tss.Host.Soap;

/// <summary>SOAP endpoint (SoapCore) — registered after REST works.</summary>
public static class SoapServiceCollectionExtensions
{
    public static IServiceCollection AddTssSoap(this IServiceCollection services) => services;

    public static WebApplication MapTssSoap(this WebApplication app) => app;
}
