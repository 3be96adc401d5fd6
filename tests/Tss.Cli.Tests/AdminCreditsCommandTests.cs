using Tss.Testing.Azurite;

namespace Tss.Cli.Tests;

/// <summary><c>tss admin credits</c> against a real Azurite: idempotent top-ups, the balance and ledger, refusals.</summary>
public sealed class AdminCreditsCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tss-credits-").FullName;
    private readonly string _suffix = azurite.UniqueName("cr");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Task<(int Exit, string Out, string Err)> Tss(params string[] args) => TssProcess.RunAsync(_home, new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Tenancy__TenantsTable"] = "tenants" + _suffix,
        ["Tenancy__EntitiesTable"] = "entities" + _suffix,
        ["Tenancy__ApiKeysTable"] = "keys" + _suffix,
        ["Certificates__Container"] = "certs" + _suffix,
        ["Certificates__MasterKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5)).ToArray()),
        ["Credits__Table"] = "credits" + _suffix,
        ["Pipeline__DocumentsTable"] = "docs" + _suffix,
    }, args);

    [Fact]
    public async Task A_top_up_is_applied_once_per_reference_and_shown_with_the_ledger()
    {
        var (_, tenantId, _) = await Tss("admin", "tenant", "create", "--name", "Loja Creditos");
        tenantId = tenantId.Trim();

        var first = await Tss("admin", "credits", "topup", "--tenant", tenantId, "--credits", "50", "--reference", "NF-2026-001", "--by", "operador");
        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains("contracted 50, used 0, balance 50", first.Out, StringComparison.Ordinal);
        var again = await Tss("admin", "credits", "topup", "--tenant", tenantId, "--credits", "50", "--reference", "NF-2026-001");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("balance 50", again.Out, StringComparison.Ordinal);

        var notify = await Tss("admin", "credits", "notify", "--tenant", tenantId, "--threshold", "10", "--email", "fiscal@loja.com.br");
        Assert.True(notify.Exit == 0, notify.Err);
        var show = await Tss("admin", "credits", "show", "--tenant", tenantId);
        Assert.True(show.Exit == 0, show.Err);
        Assert.Contains("balance 50; low-balance e-mail to fiscal@loja.com.br below 10", show.Out, StringComparison.Ordinal);
        var line = Assert.Single(show.Out.Split('\n'), l => l.Contains("topup", StringComparison.Ordinal));
        Assert.Contains("+50", line, StringComparison.Ordinal);
        Assert.Contains("NF-2026-001  by operador", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tenants_and_bad_amounts_are_refused()
    {
        var unknown = await Tss("admin", "credits", "topup", "--tenant", "nobody-here", "--credits", "5", "--reference", "r");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("tenant.not_found", unknown.Err, StringComparison.Ordinal);

        var (_, tenantId, _) = await Tss("admin", "tenant", "create", "--name", "Loja Zero");
        var zero = await Tss("admin", "credits", "topup", "--tenant", tenantId.Trim(), "--credits", "0", "--reference", "r");
        Assert.Equal(1, zero.Exit);
        Assert.Contains("credits.invalid_amount", zero.Err, StringComparison.Ordinal);
    }
}
