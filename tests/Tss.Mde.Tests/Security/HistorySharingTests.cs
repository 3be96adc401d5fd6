using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Tss.Mde.Documents;
using Tss.Mde.Sharing;
using Tss.Protocol.Parties;
using Tss.Tenancy.Entities;
using static Tss.Mde.Tests.Security.SharingHost;

namespace Tss.Mde.Tests.Security;

/// <summary>
/// Registering a CNPJ another tenant already holds gives no MD-e history: the company's documents received before the
/// newcomer joined stay with the tenants that hold them until one of them (or an operator) grants them; what arrives
/// after the newcomer proved the CNPJ (a certificate of its own) is stored for it too.
/// </summary>
public sealed class HistorySharingTests
{
    private static int _next;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewCnpj() => Cnpj.WithCheckDigits($"7{Interlocked.Increment(ref _next):0000000}0001");

    private static string Mde(string cnpj, string path) => $"/api/v1/entities/{cnpj}/mde{path}";

    [Fact]
    public async Task A_second_tenant_registering_a_known_cnpj_sees_no_history_and_its_refused_sync_copies_nothing()
    {
        await using var host = await SharingHost.StartAsync();
        var cnpj = NewCnpj();
        var keys = await host.SeedAsync(cnpj, 5);
        var (owner, _) = await host.TenantAsync("Dona da Empresa", cnpj);
        using (var sync = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }

        var (late, lateId) = await host.TenantAsync("Recém-chegada", cnpj);
        using (var refused = await late.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        }

        Assert.Empty(await NsusAsync(late, cnpj));
        foreach (var path in new[] { $"/documents/{keys[0]}", $"/documents/{keys[0]}/xml", "/documents/by-nsu/1/xml" })
        {
            using var response = await late.GetAsync(Mde(cnpj, path), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(MdeErrorCodes.DocumentNotFound, (await JsonAsync(response))["code"]!.GetValue<string>());
        }
        var cursor = await JsonAsync(await late.GetAsync(Mde(cnpj, "/cursor"), Ct));
        Assert.Equal("Pending", cursor["history"]!.GetValue<string>());
        Assert.Null(cursor["ultNsu"]);
        Assert.Null(cursor["documentCount"]);
        Assert.False(await host.Get<MdeDocumentStore>().AnyAsync(lateId, cnpj, Ct));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await NsusAsync(owner, cnpj));
    }

    [Fact]
    public async Task An_entity_without_a_certificate_of_its_own_is_refused_every_MD_e_operation_and_nothing_reaches_it()
    {
        await using var host = await SharingHost.StartAsync();
        var cnpj = NewCnpj();
        await host.SeedAsync(cnpj, 3);
        var (owner, _) = await host.TenantAsync("Dona da Empresa", cnpj);
        using (var sync = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }
        var (late, lateId) = await host.TenantAsync("Sem Certificado", cnpj);
        // The entity keeps its CNPJ but not a certificate (none uploaded, or removed from the store).
        var table = host.Get<TableServiceClient>().GetTableClient(host.EntitiesTable);
        var row = (await table.GetEntityAsync<EntityRecord>(lateId, cnpj, cancellationToken: Ct)).Value;
        row.CertificateRef = "";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Ct);
        host.Get<TenantDirectory>().Invalidate(lateId, cnpj);

        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/documents", null), (HttpMethod.Get, "/documents/by-nsu/1/xml", null), (HttpMethod.Get, "/cursor", null),
            (HttpMethod.Get, "/sharing", null), (HttpMethod.Post, "/sync", null), (HttpMethod.Post, "/query", new { nsu = 1 }),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, Mde(cnpj, path)) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await late.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.Equal(MdeErrorCodes.CertificateRequired, problem["code"]!.GetValue<string>());
            Assert.Contains("certificado", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Null(await host.Get<MdeSharingStore>().FindAsync(cnpj, 2, lateId, Ct));

        // The next answer with documents reaches the owner only.
        await host.WaitForTheHourAsync(owner, cnpj);
        await host.SeedAsync(cnpj, 2);
        using (var next = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await NsusAsync(owner, cnpj));
        Assert.False(await host.Get<MdeDocumentStore>().AnyAsync(lateId, cnpj, Ct));
        Assert.Equal(2, await host.SimulatorRequestsAsync(cnpj));
    }

    [Fact]
    public async Task After_the_first_tenant_grants_the_history_the_later_tenant_sees_it_and_the_decision_is_recorded()
    {
        await using var host = await SharingHost.StartAsync();
        var cnpj = NewCnpj();
        var keys = await host.SeedAsync(cnpj, 5);
        var (owner, ownerId) = await host.TenantAsync("Dona da Empresa", cnpj);
        using (var sync = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }
        var (late, lateId) = await host.TenantAsync("Filial Contábil", cnpj);

        var asked = await JsonAsync(await late.GetAsync(Mde(cnpj, "/sharing"), Ct));
        Assert.Equal("Pending", asked["history"]!.GetValue<string>());
        Assert.Empty(asked["tenants"]!.AsArray());
        using (var self = await late.PostAsJsonAsync(Mde(cnpj, "/sharing"), new { tenantId = lateId, decision = "grant" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
            Assert.Equal(MdeErrorCodes.SharingNotHolder, (await JsonAsync(self))["code"]!.GetValue<string>());
        }
        Assert.Empty(await NsusAsync(late, cnpj));

        var pending = await JsonAsync(await owner.GetAsync(Mde(cnpj, "/sharing"), Ct));
        Assert.Equal("Owner", pending["history"]!.GetValue<string>());
        var request = Assert.Single(pending["tenants"]!.AsArray());
        Assert.Equal((lateId, "Pending"), (request!["tenantId"]!.GetValue<string>(), request["history"]!.GetValue<string>()));

        using (var grant = await owner.PostAsJsonAsync(Mde(cnpj, "/sharing"), new { tenantId = lateId, decision = "grant" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
            var granted = await JsonAsync(grant);
            Assert.Equal(("Granted", 5), (granted["history"]!.GetValue<string>(), granted["historyCopied"]!.GetValue<int>()));
        }

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await NsusAsync(late, cnpj));
        Assert.StartsWith("<resNFe", await late.GetStringAsync(Mde(cnpj, $"/documents/{keys[0]}/xml"), Ct), StringComparison.Ordinal);
        Assert.Equal(5, (await JsonAsync(await late.GetAsync(Mde(cnpj, "/cursor"), Ct)))["ultNsu"]!.GetValue<long>());
        var decision = Assert.Single(await host.Get<MdeSharingStore>().DecisionsAsync(cnpj, 2, Ct));
        Assert.Equal((lateId, "Granted", "tenant:" + ownerId), (decision.TenantId, decision.Decision, decision.By));
        var log = Assert.Single((await JsonAsync(await owner.GetAsync(Mde(cnpj, "/sharing"), Ct)))["decisions"]!.AsArray());
        Assert.Equal("tenant:" + ownerId, log!["by"]!.GetValue<string>());
        using (var takeBack = await owner.PostAsJsonAsync(Mde(cnpj, "/sharing"), new { tenantId = lateId, decision = "deny" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, takeBack.StatusCode);
            Assert.Equal(MdeErrorCodes.SharingAlreadyGranted, (await JsonAsync(takeBack))["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_denied_tenant_receives_what_arrives_after_it_joined_and_nothing_from_before()
    {
        await using var host = await SharingHost.StartAsync();
        var cnpj = NewCnpj();
        await host.SeedAsync(cnpj, 5);
        var (owner, ownerId) = await host.TenantAsync("Dona da Empresa", cnpj);
        using (var sync = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }
        var (late, lateId) = await host.TenantAsync("Recusada", cnpj);
        // The owner sees the newcomer among the tenants holding the CNPJ (it never used MD-e yet) and refuses it.
        var listed = await JsonAsync(await owner.GetAsync(Mde(cnpj, "/sharing"), Ct));
        Assert.Equal(lateId, Assert.Single(listed["tenants"]!.AsArray())!["tenantId"]!.GetValue<string>());
        using (var deny = await owner.PostAsJsonAsync(Mde(cnpj, "/sharing"), new { tenantId = lateId, decision = "deny" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, deny.StatusCode);
        }
        Assert.Equal("Denied", (await JsonAsync(await late.GetAsync(Mde(cnpj, "/sharing"), Ct)))["history"]!.GetValue<string>());

        await host.WaitForTheHourAsync(owner, cnpj);
        await host.SeedAsync(cnpj, 2);
        using (var next = await owner.PostAsync(Mde(cnpj, "/sync"), null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        Assert.Equal(new long[] { 6, 7 }, await NsusAsync(late, cnpj));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, await NsusAsync(owner, cnpj));
        var member = await host.Get<MdeSharingStore>().FindAsync(cnpj, 2, lateId, Ct);
        Assert.Equal((HistoryAccess.Denied, 5L, "tenant:" + ownerId), (member!.Access, member.FromNsu!.Value, member.DecidedBy));
    }

    [Fact]
    public async Task A_tenant_of_another_cnpj_cannot_read_or_decide_a_companys_sharing()
    {
        await using var host = await SharingHost.StartAsync();
        var cnpj = NewCnpj();
        var elsewhere = NewCnpj();
        var (owner, _) = await host.TenantAsync("Dona da Empresa", cnpj);
        var (late, lateId) = await host.TenantAsync("Recém-chegada", cnpj);
        var (stranger, _) = await host.TenantAsync("Outra Empresa", elsewhere);
        // The first to use MD-e for the CNPJ owns its history; the other one asks.
        foreach (var client in new[] { owner, late, stranger })
        {
            using var joined = await client.GetAsync(Mde(client == stranger ? elsewhere : cnpj, "/cursor"), Ct);
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }

        using (var read = await stranger.GetAsync(Mde(cnpj, "/sharing"), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        using (var grant = await stranger.PostAsJsonAsync(Mde(cnpj, "/sharing"), new { tenantId = lateId, decision = "grant" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
            Assert.Equal("entity.not_found", (await JsonAsync(grant))["code"]!.GetValue<string>());
        }
        // Through its own company it holds nothing of the other one's.
        using (var own = await stranger.PostAsJsonAsync(Mde(elsewhere, "/sharing"), new { tenantId = lateId, decision = "grant" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
            Assert.Equal(MdeErrorCodes.SharingRequestNotFound, (await JsonAsync(own))["code"]!.GetValue<string>());
        }
        Assert.Equal(HistoryAccess.Pending, (await host.Get<MdeSharingStore>().FindAsync(cnpj, 2, lateId, Ct))!.Access);
        Assert.Empty(await host.Get<MdeSharingStore>().DecisionsAsync(cnpj, 2, Ct));
    }
}
