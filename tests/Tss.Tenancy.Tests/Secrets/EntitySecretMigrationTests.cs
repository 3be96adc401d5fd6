using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Protocol.Nfce;
using Tss.Tenancy.Entities;
using Tss.Tenancy.Secrets;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests.Secrets;

/// <summary>
/// Rows written before the secret store held the webhook secret and the NFC-e CSC in clear: they are moved to the
/// store once, whatever the number of instances, and everything signed or hashed with them stays the same.
/// </summary>
public sealed class EntitySecretMigrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Cnpj = "11222333000181";
    private const string WebhookSecret = "legacy-webhook-secret-0123456789";
    private const string CscId = "000001";
    private const string CscToken = "A1B2C3D4E5F6G7H8I9J0";
    private const string ChNFe = "35240611222333000181650010000000011000000019";

    private TenancyFixture _f = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await TenancyFixture.CreateAsync(azurite);

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private TableClient Entities => _f.Get<TableServiceClient>().GetTableClient(_f.Settings["Tenancy:EntitiesTable"]);

    /// <summary>An entity saved today, then rewritten as the old code wrote it: secrets in clear, no references.</summary>
    private async Task<string> LegacyEntityAsync()
    {
        var admin = _f.Get<TenancyAdmin>();
        var tenant = await admin.CreateTenantAsync("Legado " + Guid.NewGuid().ToString("N")[..6], ct: Ct);
        using var cert = _f.Ca.IssueECnpj(Cnpj, "EMPRESA LEGADA LTDA");
        await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenant.TenantId,
            Cnpj = Cnpj,
            Uf = "SP",
            tpAmb = 2,
            Pfx = cert.Export(X509ContentType.Pkcs12, "pw"),
            PfxPassword = "pw",
        }, Ct);
        var raw = (await Entities.GetEntityAsync<TableEntity>(tenant.TenantId, Cnpj, cancellationToken: Ct)).Value;
        raw["WebhookUrl"] = "https://erp.example.com/hooks/nfe";
        raw["WebhookSecret"] = WebhookSecret;
        raw["NfceCscId"] = CscId;
        raw["NfceCscToken"] = CscToken;
        await Entities.UpdateEntityAsync(raw, raw.ETag, TableUpdateMode.Replace, Ct);
        return tenant.TenantId;
    }

    private async Task<TableEntity> RawAsync(string tenantId) => (await Entities.GetEntityAsync<TableEntity>(tenantId, Cnpj, cancellationToken: Ct)).Value;

    private async Task<List<string>> SecretBlobsAsync(string tenantId)
    {
        var container = _f.Get<BlobServiceClient>().GetBlobContainerClient(_f.Settings["Certificates:Container"]);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"_secrets/{tenantId}/", Ct))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    [Fact]
    public async Task Two_concurrent_migrators_of_a_legacy_row_make_one_move_and_the_table_keeps_no_clear_secret()
    {
        var tenantId = await LegacyEntityAsync();
        await using var other = _f.NewInstance();
        // Both instances read the row before either writes: the race the ETag settles.
        var first = (await Entities.GetEntityAsync<EntityRecord>(tenantId, Cnpj, cancellationToken: Ct)).Value;
        var second = (await Entities.GetEntityAsync<EntityRecord>(tenantId, Cnpj, cancellationToken: Ct)).Value;

        var results = await Task.WhenAll(
            _f.Get<EntitySecretMigration>().MigrateAsync(first, Ct),
            other.GetRequiredService<EntitySecretMigration>().MigrateAsync(second, Ct));

        Assert.Equal(1, results.Count(r => r.Moved));
        var raw = await RawAsync(tenantId);
        Assert.False(raw.ContainsKey("WebhookSecret"));
        Assert.False(raw.ContainsKey("NfceCscToken"));
        Assert.DoesNotContain(raw.Select(p => p.Value), v => v is string s && (s.Contains(WebhookSecret, StringComparison.Ordinal) || s.Contains(CscToken, StringComparison.Ordinal)));
        Assert.Equal(CscId, raw["NfceCscId"]);
        var webhookRef = (string)raw["WebhookSecretRef"];
        var cscRef = (string)raw["NfceCscTokenRef"];
        Assert.All(results, r => Assert.Equal((webhookRef, cscRef), (r.Record!.WebhookSecretRef, r.Record.NfceCscTokenRef)));
        // The loser discarded the versions it wrote: one version per secret is left.
        Assert.Equal(2, (await SecretBlobsAsync(tenantId)).Count);
        var secrets = _f.Get<ISecretStore>();
        Assert.Equal(WebhookSecret, await secrets.GetAsync(webhookRef, Ct));
        Assert.Equal(CscToken, await secrets.GetAsync(cscRef, Ct));
    }

    [Fact]
    public async Task The_stored_secret_is_encrypted_at_rest()
    {
        var tenantId = await LegacyEntityAsync();
        await _f.Get<EntitySecretMigration>().MigrateAllAsync(Ct);

        var container = _f.Get<BlobServiceClient>().GetBlobContainerClient(_f.Settings["Certificates:Container"]);
        foreach (var name in await SecretBlobsAsync(tenantId))
        {
            var content = Encoding.Latin1.GetString((await container.GetBlobClient(name).DownloadContentAsync(Ct)).Value.Content.ToArray());
            Assert.DoesNotContain(WebhookSecret, content, StringComparison.Ordinal);
            Assert.DoesNotContain(CscToken, content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Webhook_signatures_and_nfce_qr_codes_are_the_same_after_the_migration()
    {
        var tenantId = await LegacyEntityAsync();
        var body = Encoding.UTF8.GetBytes("{\"chNFe\":\"" + ChNFe + "\"}");
        // What the code before the secret store produced from the clear row.
        var signatureBefore = WebhookSignature.Compute(WebhookSecret, 1_750_000_000, body);
        var qrBefore = NfceQrCode.Build(ChNFe, 2, "SP", new NfceCsc(CscId, CscToken));

        // Another instance with cold caches reads the row: the first read migrates it.
        await using var reader = _f.NewInstance();
        var directory = reader.GetRequiredService<TenantDirectory>();
        var entity = await directory.FindAsync(tenantId, Cnpj, Ct);
        var targets = await directory.GetAsync(tenantId, Cnpj, Ct);

        Assert.False((await RawAsync(tenantId)).ContainsKey("WebhookSecret"));
        Assert.Equal(new DistributionTargets(new Uri("https://erp.example.com/hooks/nfe"), WebhookSecret, null), targets);
        Assert.Equal(signatureBefore, WebhookSignature.Compute(targets.WebhookSecret!, 1_750_000_000, body));
        Assert.Equal(qrBefore, NfceQrCode.Build(ChNFe, 2, "SP", entity!.NfceCsc));
    }

    [Fact]
    public async Task The_start_up_scan_migrates_legacy_rows_once_and_then_finds_nothing()
    {
        var tenantId = await LegacyEntityAsync();
        var migration = _f.Get<EntitySecretMigration>();

        Assert.Equal(1, await migration.MigrateAllAsync(Ct));
        Assert.Equal(0, await migration.MigrateAllAsync(Ct));
        var raw = await RawAsync(tenantId);
        Assert.False(raw.ContainsKey("WebhookSecret") || raw.ContainsKey("NfceCscToken"));
        Assert.True(raw.ContainsKey("WebhookSecretRef") && raw.ContainsKey("NfceCscTokenRef"));
    }

    [Fact]
    public async Task Saving_an_entity_keeps_its_secrets_in_the_store_and_a_blank_secret_keeps_the_one_on_file()
    {
        var tenantId = await LegacyEntityAsync();
        var admin = _f.Get<TenancyAdmin>();

        await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenantId,
            Cnpj = Cnpj,
            Uf = "SP",
            tpAmb = 2,
            WebhookUrl = new Uri("https://erp.example.com/hooks/v2"),
            NfceCscId = "2",
        }, Ct);
        DistributionTargets targets;
        await using (var instance = _f.NewInstance())
        {
            targets = await instance.GetRequiredService<TenantDirectory>().GetAsync(tenantId, Cnpj, Ct);
        }
        await admin.SaveEntityAsync(new EntityRegistration
        {
            TenantId = tenantId,
            Cnpj = Cnpj,
            Uf = "SP",
            tpAmb = 2,
            WebhookUrl = new Uri("https://erp.example.com/hooks/v2"),
            WebhookSecret = "a-brand-new-webhook-secret",
            NfceCsc = new NfceCsc("3", "ZZZZYYYYXXXXWWWW0001"),
        }, Ct);
        await using var fresh = _f.NewInstance();
        var changed = await fresh.GetRequiredService<TenantDirectory>().GetAsync(tenantId, Cnpj, Ct);
        var entity = await fresh.GetRequiredService<TenantDirectory>().FindAsync(tenantId, Cnpj, Ct);

        Assert.Equal(WebhookSecret, targets.WebhookSecret);
        Assert.Equal("a-brand-new-webhook-secret", changed.WebhookSecret);
        Assert.Equal(new NfceCsc("3", "ZZZZYYYYXXXXWWWW0001"), entity!.NfceCsc);
        var raw = await RawAsync(tenantId);
        Assert.DoesNotContain(raw.Select(p => p.Value), v => v is string s && (s.Contains("a-brand-new", StringComparison.Ordinal) || s.Contains("ZZZZYYYY", StringComparison.Ordinal)));
    }
}
