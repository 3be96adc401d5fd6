using Azure.Data.Tables;
using Tss.Mde.Sharing;
using Tss.Testing.Azurite;

namespace Tss.Cli.Tests;

/// <summary><c>tss admin mde-share</c> against a real Azurite: the operator lists a company's sharing and decides, recorded.</summary>
public sealed class AdminMdeShareCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Cnpj = "11222333000181";
    private readonly string _home = Directory.CreateTempSubdirectory("tss-mdeshare-").FullName;
    private readonly string _suffix = azurite.UniqueName("ms");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Task<(int Exit, string Out, string Err)> Tss(params string[] args) => TssProcess.RunAsync(_home, new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Tenancy__TenantsTable"] = "tenants" + _suffix,
        ["Tenancy__EntitiesTable"] = "entities" + _suffix,
        ["Tenancy__ApiKeysTable"] = "keys" + _suffix,
        ["Certificates__Container"] = "certs" + _suffix,
        ["Certificates__MasterKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 3)).ToArray()),
        ["Credits__Table"] = "credits" + _suffix,
        ["Mde__SharingTable"] = "shr" + _suffix,
        ["Mde__DocumentsTable"] = "mdoc" + _suffix,
        ["Mde__DocumentsContainer"] = "mdoc-" + _suffix,
    }, args);

    [Fact]
    public async Task The_operator_grants_a_later_tenant_the_MD_e_history_and_the_decision_is_listed()
    {
        var empty = await Tss("admin", "mde-share", "list", "--cnpj", Cnpj);
        Assert.True(empty.Exit == 0, empty.Err);
        Assert.Contains("first tenant (none yet)", empty.Out, StringComparison.Ordinal);
        var unknown = await Tss("admin", "mde-share", "grant", "--cnpj", Cnpj, "--tenant", "ninguem");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("mde.sharing_request_not_found", unknown.Err, StringComparison.Ordinal);

        // The company's first tenant and a later one, as MD-e records them when each uses it.
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("shr" + _suffix);
        var partition = MdeMember.PartitionFor(Cnpj, 2);
        var now = DateTimeOffset.UtcNow;
        await table.AddEntityAsync(new MdeCompanyRow { PartitionKey = partition, FounderTenantId = "primeira", CreatedAt = now }, Ct);
        await table.AddEntityAsync(new MdeMember { PartitionKey = partition, RowKey = MdeMember.RowKeyFor("primeira"), TenantId = "primeira", Cnpj = Cnpj, History = "Owner", FromNsu = 0, JoinedAt = now }, Ct);
        await table.AddEntityAsync(new MdeMember { PartitionKey = partition, RowKey = MdeMember.RowKeyFor("segunda"), TenantId = "segunda", Cnpj = Cnpj, JoinedAt = now }, Ct);

        var granted = await Tss("admin", "mde-share", "grant", "--cnpj", Cnpj, "--tenant", "segunda", "--by", "ana");
        Assert.True(granted.Exit == 0, granted.Err);
        Assert.Contains("tenant segunda: history Granted by operator:ana", granted.Out, StringComparison.Ordinal);
        var founder = await Tss("admin", "mde-share", "deny", "--cnpj", Cnpj, "--tenant", "primeira");
        Assert.Equal(1, founder.Exit);

        var listed = await Tss("admin", "mde-share", "list", "--cnpj", Cnpj);
        Assert.True(listed.Exit == 0, listed.Err);
        Assert.Contains("first tenant primeira", listed.Out, StringComparison.Ordinal);
        var decision = Assert.Single(listed.Out.Split('\n'), l => l.Contains("decision", StringComparison.Ordinal));
        Assert.Contains("Granted  segunda  by operator:ana", decision, StringComparison.Ordinal);
    }
}
