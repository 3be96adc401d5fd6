using SoapCore;
using SoapCore.Extensibility;

namespace Tss.Host.Soap;

/// <summary>The SOAP endpoint (SoapCore, SOAP 1.1, XmlSerializer) at <see cref="Path"/>; WSDL at <c>?wsdl</c>.</summary>
public static class SoapServiceCollectionExtensions
{
    public const string Path = "/soap/nfe";

    public static IServiceCollection AddTssSoap(this IServiceCollection services)
    {
        services.AddOptions<SoapOptions>().BindConfiguration(SoapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSoapCore();
        services.AddSingleton<IFaultExceptionTransformer, SoapFaultTransformer>();
        services.AddScoped<INfeSoapService, NfeSoapService>();
        return services;
    }

    /// <summary>Maps the endpoint behind <see cref="SoapInputGuard"/>; call after authentication is in the pipeline.</summary>
    public static WebApplication MapTssSoap(this WebApplication app)
    {
        app.UseTssSoapEndpoint();
        return app;
    }

    /// <summary>The SOAP branch (guard + SoapCore) on any pipeline: the local host's and the Functions app's.</summary>
    public static IApplicationBuilder UseTssSoapEndpoint(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase), branch =>
        {
            branch.UseMiddleware<SoapInputGuard>();
            branch.UseSoapEndpoint<INfeSoapService>(options =>
            {
                options.Path = Path;
                options.SoapSerializer = SoapSerializer.XmlSerializer;
                options.EncoderOptions = [new SoapEncoderOptions()];
                options.CaseInsensitivePath = true;
            });
        });
        return app;
    }
}
