using Azure.Data.Tables;
using Tss.Testing.Azurite;

namespace Tss.Cli.Tests;

/// <summary><c>tss admin</c> against a real Azurite, configured through environment variables only.</summary>
public sealed class AdminCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Cnpj = "11222333000181";
    private readonly string _home = Directory.CreateTempSubdirectory("tss-admin-").FullName;
    private readonly string _suffix = azurite.UniqueName("a");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Dictionary<string, string> Env(string? masterKey = null) => new()
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Tenancy__TenantsTable"] = "tenants" + _suffix,
        ["Tenancy__EntitiesTable"] = "entities" + _suffix,
        ["Tenancy__ApiKeysTable"] = "keys" + _suffix,
        ["Certificates__Container"] = "certs" + _suffix,
        ["Certificates__MasterKey"] = masterKey ?? Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 3)).ToArray()),
        // The dev CA `tss dev-cert` creates in $TSS_HOME/pki is the only anchor; it publishes no CRL.
        ["Certificates__TrustAnchors__IcpBrasil"] = "false",
        ["Certificates__TrustAnchors__Paths__0"] = Path.Combine(_home, "pki", "ca.crt"),
        ["Certificates__TrustAnchors__RevocationMode"] = "NoCheck",
    };

    private Task<(int Exit, string Out, string Err)> Tss(params string[] args) => TssProcess.RunAsync(_home, Env(), args);

    [Fact]
    public async Task Onboarding_creates_a_tenant_an_entity_and_a_key_that_can_be_revoked()
    {
        var (exit, tenantId, err) = await Tss("admin", "tenant", "create", "--name", "Loja Exemplo");
        Assert.True(exit == 0, err);
        tenantId = tenantId.Trim();
        Assert.StartsWith("loja-exemplo-", tenantId, StringComparison.Ordinal);

        var pfx = Path.Combine(_home, "e.pfx");
        Assert.Equal(0, (await TssProcess.RunAsync(_home, "dev-cert", "--cnpj", Cnpj, "--out", pfx, "--password", "pw")).Exit);
        var entity = await Tss("admin", "entity", "add", "--tenant", tenantId, "--cnpj", Cnpj, "--uf", "SP", "--env", "2", "--pfx", pfx, "--password", "pw",
            "--webhook", "https://erp.example.com/hook", "--webhook-secret", "s3cret", "--email", "fiscal@example.com",
            "--csc-id", "000001", "--csc", "0123456789ABCDEF0123");
        Assert.True(entity.Exit == 0, entity.Err);
        Assert.Contains($"entity {Cnpj} of tenant {tenantId}", entity.Out, StringComparison.Ordinal);
        Assert.Contains("NFC-e CSC id 000001", entity.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789ABCDEF0123", entity.Out, StringComparison.Ordinal);
        var half = await Tss("admin", "entity", "add", "--tenant", tenantId, "--cnpj", Cnpj, "--uf", "SP", "--csc-id", "2");
        Assert.NotEqual(0, half.Exit);
        Assert.Contains("--csc-id and --csc go together", half.Err, StringComparison.Ordinal);

        var (keyExit, key, keyErr) = await Tss("admin", "apikey", "create", "--tenant", tenantId);
        Assert.True(keyExit == 0, keyErr);
        Assert.Matches("^tss_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key.Trim());

        var keys = new TableServiceClient(azurite.ConnectionString).GetTableClient("keys" + _suffix);
        var stored = keys.Query<TableEntity>(cancellationToken: TestContext.Current.CancellationToken).Single();
        Assert.DoesNotContain(stored.Select(p => p.Value).OfType<string>(), v => key.Contains(v, StringComparison.Ordinal) && v.Length > 16);

        var revoke = await Tss("admin", "apikey", "revoke", "--key", key.Trim());
        Assert.True(revoke.Exit == 0, revoke.Err);
        var list = await Tss("admin", "apikey", "list", "--tenant", tenantId);
        Assert.Contains("revoked", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_certificate_is_reported_with_its_code()
    {
        var (_, tenantId, _) = await Tss("admin", "tenant", "create", "--name", "Senha Errada");
        var pfx = Path.Combine(_home, "e.pfx");
        await TssProcess.RunAsync(_home, "dev-cert", "--cnpj", Cnpj, "--out", pfx, "--password", "pw");

        var (exit, _, err) = await Tss("admin", "entity", "add", "--tenant", tenantId.Trim(), "--cnpj", Cnpj, "--uf", "SP", "--pfx", pfx, "--password", "wrong");

        Assert.Equal(1, exit);
        Assert.Contains("certificate.wrong_password", err, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", err.Replace("wrong_password", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_master_key_is_a_clear_configuration_error()
    {
        var env = Env();
        env["Certificates__MasterKey"] = "too-short";

        var (exit, _, err) = await TssProcess.RunAsync(_home, env, "admin", "tenant", "create", "--name", "X");

        Assert.Equal(78, exit);
        Assert.Contains("Certificates:MasterKey", err, StringComparison.Ordinal);
    }
}
