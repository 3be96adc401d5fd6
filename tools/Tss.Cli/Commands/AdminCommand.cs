using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Mde.Hosting;
using Tss.Pipeline.Credits;
using Tss.Portal;
using Tss.Portal.Accounts;
using Tss.Portal.Hosting;
using Tss.Tenancy;
using Tss.Tenancy.Entities;

namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss admin …</c>: operator onboarding on the tenant store the host uses (same configuration: local.settings.json
/// or the sample, then environment variables): tenants, entities with their certificate, API keys.
/// </summary>
internal static class AdminCommand
{
    public static async Task<int> RunAsync(CommandLine cmd)
    {
        var area = cmd.Positional.ElementAtOrDefault(0);
        var action = cmd.Positional.ElementAtOrDefault(1);
        await using var services = Services();
        try
        {
            await services.GetRequiredService<TenancyStorage>().EnsureCreatedAsync(CancellationToken.None);
            var admin = services.GetRequiredService<TenancyAdmin>();
            return (area, action) switch
            {
                ("tenant", "create") => await CreateTenantAsync(admin, cmd),
                ("entity", "add" or "update") => await SaveEntityAsync(admin, cmd),
                ("apikey", "create") => await CreateKeyAsync(admin, cmd),
                ("apikey", "revoke") => await RevokeKeyAsync(admin, cmd),
                ("apikey", "list") => await ListKeysAsync(admin, cmd),
                ("credits", _) => await AdminCreditsCommand.RunAsync(services, action, cmd),
                ("mde-share", _) => await AdminMdeShareCommand.RunAsync(services, action, cmd),
                ("operator", "create") => await CreateOperatorAsync(services, cmd),
                _ => throw new UsageException("usage: tss admin tenant create | entity add | apikey create|revoke|list | credits topup|show|notify | mde-share list|grant|deny | operator create (see ./tss help)"),
            };
        }
        catch (TenancyException e)
        {
            Console.Error.WriteLine($"tss: {e.Code}: {e.Message}");
            return 1;
        }
        catch (PortalException e)
        {
            Console.Error.WriteLine($"tss: {e.Code}: {e.Message}");
            return 1;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"tss: configuration: {e.Message}");
            return 78;
        }
    }

    private static async Task<int> CreateTenantAsync(TenancyAdmin admin, CommandLine cmd)
    {
        var tenant = await admin.CreateTenantAsync(cmd.Require("name"), cmd.Get("id"));
        Console.WriteLine(tenant.TenantId);
        Console.Error.WriteLine($"tenant '{tenant.Name}' created: {tenant.TenantId}");
        return 0;
    }

    private static async Task<int> SaveEntityAsync(TenancyAdmin admin, CommandLine cmd)
    {
        var pfxPath = cmd.Get("pfx");
        if (pfxPath is not null && !File.Exists(pfxPath))
        {
            throw new UsageException($"certificate file not found: {pfxPath}");
        }
        var password = cmd.Get("password") ?? Environment.GetEnvironmentVariable("TSS_PFX_PASSWORD");
        if (pfxPath is not null && password is null)
        {
            throw new UsageException("--password (or env TSS_PFX_PASSWORD) is required with --pfx");
        }
        var webhook = cmd.Get("webhook");
        if (webhook is not null && !Uri.TryCreate(webhook, UriKind.Absolute, out _))
        {
            throw new UsageException($"--webhook must be an absolute URL: {webhook}");
        }
        var (cscId, csc) = (cmd.Get("csc-id"), cmd.Get("csc"));
        if ((cscId is null) != (csc is null))
        {
            throw new UsageException("--csc-id and --csc go together (the NFC-e CSC and its id)");
        }
        var entity = await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = cmd.Require("tenant"),
            Cnpj = cmd.Require("cnpj"),
            Uf = cmd.Require("uf"),
            tpAmb = cmd.GetInt("env", 2),
            IE = cmd.Get("ie"),
            Pfx = pfxPath is null ? null : await File.ReadAllBytesAsync(pfxPath),
            PfxPassword = password,
            WebhookUrl = webhook is null ? null : new Uri(webhook),
            WebhookSecret = cmd.Get("webhook-secret"),
            Email = cmd.Get("email"),
            NfceCsc = cscId is null ? null : new Tss.Protocol.Nfce.NfceCsc(cscId, csc!),
        });
        Console.WriteLine($"entity {entity.Cnpj} of tenant {entity.TenantId}: UF {entity.Uf}, tpAmb {entity.tpAmb}" +
            (entity.NfceCscId is { } id ? $", NFC-e CSC id {id}" : ""));
        Console.WriteLine($"  certificate {entity.CertificateThumbprint} (CNPJ {entity.CertificateSubjectCnpj}), valid until {entity.CertificateNotAfter:yyyy-MM-dd HH:mm} UTC");
        return 0;
    }

    private static async Task<int> CreateKeyAsync(TenancyAdmin admin, CommandLine cmd)
    {
        var key = await admin.CreateApiKeyAsync(cmd.Require("tenant"), cmd.Get("name"));
        Console.WriteLine(key.Key);
        Console.Error.WriteLine($"API key {key.KeyId} for tenant {key.TenantId}; shown once, only its hash is stored.");
        return 0;
    }

    private static async Task<int> RevokeKeyAsync(TenancyAdmin admin, CommandLine cmd)
    {
        var record = await admin.RevokeApiKeyAsync(cmd.Require("key"));
        Console.WriteLine($"API key {record.KeyId} of tenant {record.TenantId} revoked at {record.RevokedAt:O}");
        return 0;
    }

    private static async Task<int> ListKeysAsync(TenancyAdmin admin, CommandLine cmd)
    {
        foreach (var key in await admin.ListApiKeysAsync(cmd.Require("tenant")))
        {
            Console.WriteLine($"{key.KeyId}  created {key.CreatedAt:yyyy-MM-dd HH:mm}  {(key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:yyyy-MM-dd HH:mm}")}  {key.Name}");
        }
        return 0;
    }

    /// <summary>A portal operator (lists tenants, tops up credits). The password is never printed.</summary>
    private static async Task<int> CreateOperatorAsync(ServiceProvider services, CommandLine cmd)
    {
        var password = cmd.Get("password") ?? Environment.GetEnvironmentVariable("TSS_OPERATOR_PASSWORD")
            ?? throw new UsageException("--password (or env TSS_OPERATOR_PASSWORD) is required");
        await PortalBootstrap.EnsureCreatedAsync(services.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
            services.GetRequiredService<IOptions<PortalOptions>>().Value, CancellationToken.None);
        var user = await services.GetRequiredService<PortalUserStore>().CreateAsync(cmd.Require("email"), password, "", PortalRoles.Operator, CancellationToken.None);
        Console.WriteLine($"operator {user.Email} created; sign in at /portal/login");
        return 0;
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        var configuration = CliConfiguration.Build();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddTssTenancy();
        services.AddTssCreditCheck(); // the pipeline side of a top-up: wakes documents awaiting credits
        // MD-e's services for mde-share (its listeners are hosted services, which nothing starts here).
        services.AddTssMde(configuration);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddSingleton<PortalUserStore>();
        return services.BuildServiceProvider();
    }
}
