using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Tss.Pipeline.Queries;
using Tss.Portal.Accounts;
using Tss.Portal.Credits;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Portal.Mde;
using Tss.Portal.Tenants;
using Tss.Runtime.Storage;

namespace Tss.Portal;

/// <summary>Registers the portal (needs the tenant store and the pipeline's options, registered by the host).</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the portal: Razor Pages under /portal, its cookie scheme (HttpOnly, Secure, SameSite=Strict; not the
    /// default scheme — the API keeps its API keys), antiforgery on every form, its stores. Options: section "Portal".
    /// </summary>
    public static IServiceCollection AddTssPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>());
        var configured = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var session = configured.SessionLifetime;
        var secure = configured.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        // One key ring for every instance (blob storage), so a cookie issued by one replica opens on the others.
        services.AddDataProtection().SetApplicationName("tss-portal");
        services.AddOptions<KeyManagementOptions>().Configure<StorageClients, IOptions<PortalOptions>>((o, storage, portal) =>
            o.XmlRepository = new BlobXmlRepository(storage.GetContainer(portal.Value.KeyRingContainer)));

        services.AddAuthentication().AddCookie(PortalPolicies.Scheme, o =>
        {
            o.Cookie.Name = "tss.portal";
            o.Cookie.Path = PortalPolicies.PathBase;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = PortalPolicies.PathBase + "/login";
            o.LogoutPath = PortalPolicies.PathBase + "/logout";
            o.AccessDeniedPath = PortalPolicies.PathBase + "/login";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = session;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = context => PortalErrorPages.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Tenant, p => p.AddAuthenticationSchemes(PortalPolicies.Scheme).RequireAuthenticatedUser()
                .RequireRole(PortalRoles.TenantAdmin).RequireClaim(PortalClaims.TenantId))
            .AddPolicy(PortalPolicies.Operator, p => p.AddAuthenticationSchemes(PortalPolicies.Scheme).RequireAuthenticatedUser()
                .RequireRole(PortalRoles.Operator));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "tss.portal.af";
            o.Cookie.Path = PortalPolicies.PathBase;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__tss_af";
        });
        // pt-BR text as is in the HTML (the default encoder would write every accented letter as an entity).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "tss.portal.msg";
            o.Cookie.Path = PortalPolicies.PathBase;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Tenant", PortalPolicies.Tenant);
            o.Conventions.AuthorizeFolder("/Operator", PortalPolicies.Operator);
        }).ConfigureApplicationPartManager(manager =>
        {
            var assembly = typeof(PortalServiceCollectionExtensions).Assembly;
            if (!manager.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            }
        });

        services.AddTssPortalRateLimiting(configured);
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<LoginDevice>();
        services.TryAddSingleton<PortalUserStore>();
        services.TryAddSingleton<PortalTenants>();
        services.TryAddSingleton<PortalEntities>();
        services.TryAddSingleton<PortalCredits>();
        services.TryAddSingleton<DocumentQueries>();
        services.TryAddSingleton<LotQueries>();
        services.AddHostedService<PortalBootstrap>();
        return services;
    }
}
