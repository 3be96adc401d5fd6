using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Queries;
using Tss.Pipeline.Sync;
using Tss.Runtime.Faults;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Testing.Tenancy;
using static Tss.Host.Tests.SyncEmissionTests;

namespace Tss.Host.Tests;

/// <summary>Runs alone: it switches a simulator fault on, which would hit other tests' sends.</summary>
[CollectionDefinition(nameof(SimulatorFaultCollection), DisableParallelization = true)]
public sealed class SimulatorFaultCollection;

/// <summary>
/// Synchronous emission when the request cannot know the outcome: SEFAZ processed the send but its answer was lost, or
/// the request died after SEFAZ answered. The lot's orchestration finishes the work by reconciling (never a blind
/// resend): the simulator sees one send and the credit is debited once.
/// </summary>
[Collection(nameof(SimulatorFaultCollection))]
public sealed class SyncEmissionRecoveryTests(HostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_unknown_outcome_answers_202_and_the_orchestration_authorizes_the_nfce_without_resending()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        using var admin = new HttpClient { BaseAddress = host.Simulator.AdminUri };
        // SEFAZ processes the send, then answers 503: the client cannot know whether the NFC-e was authorized.
        using (var fault = await admin.PostAsJsonAsync(Url("/admin/faults"), new { kind = "httpError", service = "NFeAutorizacao4", phase = "after", statusCode = 503, count = 1 }, Ct))
        {
            Assert.True(fault.IsSuccessStatusCode, await fault.Content.ReadAsStringAsync(Ct));
        }
        try
        {
            using var submit = await tenant.Http.PostAsync(Url($"/api/v1/entities/{Cnpj}/nfe"), ApiJson.Documents((Nfce(host), null)), Ct);

            var answer = await ApiJson.ReadAsync(submit);
            Assert.True(submit.StatusCode == HttpStatusCode.Accepted, answer.ToJsonString());
            var document = answer["documents"]![0]!.AsObject();
            Assert.Equal("InLot", document["status"]!.GetValue<string>());
            Assert.Null(document["sefaz"]);
            var chNFe = document["chNFe"]!.GetValue<string>();

            var final = await ApiJson.WaitForFinalAsync(tenant.Http, Cnpj, chNFe, TimeSpan.FromSeconds(60));
            Assert.Equal("Authorized", final["status"]!.GetValue<string>());
            Assert.Equal(100, final["cStat"]!.GetValue<int>());
            Assert.Single(await SendsOfAsync(host, chNFe));
        }
        finally
        {
            (await admin.DeleteAsync(Url("/admin/faults"), CancellationToken.None)).Dispose();
        }
    }

    [Fact]
    public async Task A_request_dying_after_sefaz_answered_is_reconciled_once_sent_once_and_debited_once()
    {
        // A host of its own with credits on (the shared one grants everything), on the shared simulator and clock.
        var settings = host.Settings(host.NewSuffix());
        settings["Credits:Enabled"] = "true";
        await using var app = TssHostApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton(host.Time);
        });
        await app.StartAsync(Ct);
        var onboarded = await TestOnboarding.NewTenantAsync(app.Services.GetRequiredService<TenancyAdmin>(), host.Simulator.Ca, "Cliente Sync", [Cnpj], ct: Ct);
        var ledger = app.Services.GetRequiredService<ICreditLedger>();
        await ledger.TopUpAsync(onboarded.TenantId, 5, "pedido-sync", "ops", Ct);
        var entity = (await app.Services.GetRequiredService<IEntityDirectory>().FindAsync(onboarded.TenantId, Cnpj, Ct))!;
        var emission = app.Services.GetRequiredService<SyncEmission>();

        // The request dies where SEFAZ has answered and nothing of the answer is recorded yet.
        using (CrashPoint.SimulateInThisFlow(CrashPoints.AfterSefazSend))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => emission.SubmitAsync(entity, [new IngestItem(Nfce(host), null)], sync: false, Ct));
        }
        var queries = app.Services.GetRequiredService<DocumentQueries>();
        var documents = app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var chNFe = await SingleKeyAsync(app, onboarded.TenantId, documents.DocumentsTable);
        Assert.Equal(nameof(DocumentStatus.InLot), (await queries.GetAsync(onboarded.TenantId, chNFe, Ct))!.Status);

        // The delayed assembly finds the lot stale, starts its orchestration, which consults the key instead of resending.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        DocumentRecord? final;
        while ((final = await queries.GetAsync(onboarded.TenantId, chNFe, Ct))!.StatusValue is DocumentStatus.InLot or DocumentStatus.Pending && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
        }
        Assert.Equal(nameof(DocumentStatus.Authorized), final.Status);
        Assert.NotNull(final.nProt);
        Assert.Single(await SendsOfAsync(host, chNFe));
        Assert.Equal(1, (await ledger.GetBalanceAsync(onboarded.TenantId, Ct)).Used);
        await app.StopAsync(Ct);
    }

    private static async Task<string> SingleKeyAsync(Microsoft.AspNetCore.Builder.WebApplication app, string tenantId, string table)
    {
        var tables = app.Services.GetRequiredService<Tss.Runtime.Storage.StorageClients>();
        var keys = new List<string>();
        await foreach (var row in tables.GetTable(table).QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {tenantId + "|"} and PartitionKey lt {tenantId + "}"}"), select: ["RowKey"], cancellationToken: Ct))
        {
            if (row.RowKey.Length == 44 && row.RowKey.All(char.IsAsciiDigit))
            {
                keys.Add(row.RowKey);
            }
        }
        return Assert.Single(keys);
    }
}
