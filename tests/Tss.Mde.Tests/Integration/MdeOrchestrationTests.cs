using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Queries;
using Tss.Mde.Sync;
using Tss.Orchestrations.Mde;
using Tss.Sefaz.Simulator.Distribuicao;

namespace Tss.Mde.Tests.Integration;

/// <summary>The cursor orchestration on the real Durable engine (Azurite) against the simulator; SEFAZ's hour shortened by
/// configuration to 7 s (the simulator's lasts 6 s).</summary>
public sealed class MdeOrchestrationTests : IAsyncLifetime
{
    private MdeOrchestrationStack _stack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stack = await MdeOrchestrationStack.StartAsync();

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();

    private Task<MdeCursor?> CursorAsync(EntityInfo entity) => _stack.Get<CursorStore>().FindAsync(entity.Cnpj, 55, entity.tpAmb, Ct);

    private async Task<MdeCursor> WaitForCursorAsync(EntityInfo entity, Func<MdeCursor, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var cursor = await CursorAsync(entity);
            if (cursor is not null && done(cursor))
            {
                return cursor;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var instance = await _stack.Client.GetInstanceAsync(DurableMdeCursorRunner.InstanceIdFor(entity.Cnpj, 55, entity.tpAmb), true, Ct);
                Assert.Fail($"the cursor did not get there in {timeout} (ultNSU {cursor?.UltNsu}, next run {cursor?.NextRunAt:O}, orchestration "
                    + $"{instance?.RuntimeStatus} {instance?.SerializedInput} {instance?.FailureDetails?.ErrorMessage})");
            }
            await Task.Delay(200, Ct);
        }
    }

    private async Task<List<long>> StoredNsusAsync(EntityInfo entity) =>
        [.. (await _stack.Get<MdeDocumentStore>().ListAsync(entity.TenantId, entity.Cnpj, 0, null, 100_000, Ct)).Select(r => r.Nsu)];

    [Fact]
    public async Task A_656_stops_every_request_for_the_configured_hour_and_the_orchestration_resumes_on_its_own_afterwards()
    {
        await _stack.SettingsAsync(pageSize: 10);
        var entity = _stack.NewEntity();
        await _stack.SeedAsync(entity.Cnpj, 30);
        // Another tool of the same company consumes two pages: our ultNSU 0 is now out of sequence at SEFAZ.
        using (var rogue = new Tss.Sefaz.Client.SefazClient(_stack.Get<Tss.Sefaz.Client.SefazEndpoints>(),
            _stack.Get<IOptions<Tss.Sefaz.Client.SefazClientOptions>>()))
        {
            var certificate = await _stack.Entities.GetCertificateAsync(entity, Ct);
            foreach (var ult in new[] { 0L, 10L })
            {
                await rogue.DistribuicaoDFeAsync(new("SP", 55, 2), certificate, Protocol.DistDFeRequests.DistNsu(2, 35, entity.Cnpj, ult), Ct);
            }
        }
        var sync = _stack.Get<MdeSyncService>();

        var refused = await sync.SyncNowAsync(entity, 55, Ct);
        Assert.Equal(1, refused.Calls);
        Assert.Equal(656, refused.Cursor.LastCStat);
        var blockedUntil = refused.Cursor.BlockedUntil!.Value;
        Assert.InRange(blockedUntil - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.5));
        var requests = (await _stack.PartyAsync(entity.Cnpj)).Requests;

        // Inside the hour: neither a "sync now", nor a query, nor the orchestration reaches SEFAZ.
        Assert.Equal(SyncStatus.Blocked, (await sync.SyncNowAsync(entity, 55, Ct)).Status);
        var query = await Assert.ThrowsAsync<MdeException>(() => _stack.Get<MdeQueryService>().QueryAsync(entity, 55, new MdeQuery(null, 5), Ct));
        Assert.Equal(MdeErrorCodes.Blocked, query.Code);
        while (DateTimeOffset.UtcNow < blockedUntil - TimeSpan.FromMilliseconds(300))
        {
            Assert.Equal(requests, (await _stack.PartyAsync(entity.Cnpj)).Requests);
            await Task.Delay(250, Ct);
        }

        // After it, the orchestration's timer fires and the pass continues from the ultNSU SEFAZ returned.
        var resumed = await WaitForCursorAsync(entity, c => c.UltNsu == 30, TimeSpan.FromSeconds(30));
        Assert.True(resumed.LastSyncAt >= blockedUntil, "nothing was sent before the block ended");
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), await StoredNsusAsync(entity));
        var party = await _stack.PartyAsync(entity.Cnpj);
        Assert.Equal(DistRule.OutOfSequence, Assert.Single(party.Violations).Rule);
        Assert.Equal(1, party.MaxConcurrentRequests);
    }

    [Fact]
    public async Task A_host_restart_while_the_orchestration_waits_on_its_timer_resumes_the_schedule()
    {
        await _stack.SettingsAsync();
        var entity = _stack.NewEntity();
        await _stack.SeedAsync(entity.Cnpj, 7);

        var first = await _stack.Get<MdeSyncService>().SyncNowAsync(entity, 55, Ct);
        Assert.Equal(SyncStatus.Completed, first.Status);
        Assert.Equal(7, first.NewDocuments);
        var instanceId = DurableMdeCursorRunner.InstanceIdFor(entity.Cnpj, 55, entity.tpAmb);
        var waitUntil = first.Cursor.SyncBlockedUntil!.Value;

        // The host goes down during the hour's wait (once the orchestration has recorded the pass and set its timer); new
        // documents arrive meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await _stack.StopHostAsync();
        await _stack.SeedAsync(entity.Cnpj, 3);
        await _stack.StartHostAsync();

        var after = await WaitForCursorAsync(entity, c => c.UltNsu == 10, TimeSpan.FromSeconds(40));
        Assert.True(after.LastSyncAt >= waitUntil, "the resumed pass waited for the hour");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), await StoredNsusAsync(entity));
        var party = await _stack.PartyAsync(entity.Cnpj);
        Assert.Empty(party.Violations);
        Assert.Equal(2, party.Requests);
        var instance = await _stack.Client.GetInstanceAsync(instanceId, Ct);
        Assert.NotNull(instance);
        Assert.True(instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending, instance.RuntimeStatus.ToString());
    }

    [Fact]
    public async Task An_on_demand_query_during_a_pass_answers_busy_or_waits_and_never_calls_SEFAZ_alongside_it()
    {
        await _stack.SettingsAsync(latencyMs: 40);
        var entity = _stack.NewEntity();
        await _stack.SeedAsync(entity.Cnpj, 1_500);
        var options = _stack.Get<IOptions<MdeOptions>>().Value;
        var queries = _stack.Get<MdeQueryService>();

        var pass = _stack.Get<MdeSyncService>().SyncNowAsync(entity, 55, Ct);
        await WaitForCursorAsync(entity, c => c.InFlightOwner?.StartsWith("pass:", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));

        // A short wait: busy (409 mde.busy in the API), nothing sent.
        options.BusyWait = TimeSpan.FromMilliseconds(200);
        var busy = await Assert.ThrowsAsync<MdeException>(() => queries.QueryAsync(entity, 55, new MdeQuery(null, 3), Ct));
        Assert.Equal(MdeErrorCodes.Busy, busy.Code);
        Assert.Equal(0, (await CursorAsync(entity))!.QueryCount);

        // A long wait: the query goes after the pass lets go.
        options.BusyWait = TimeSpan.FromSeconds(60);
        var answered = await queries.QueryAsync(entity, 55, new MdeQuery(null, 4), Ct);
        Assert.Equal(138, answered.cStat);

        var result = await pass;
        Assert.Equal(SyncStatus.Completed, result.Status);
        Assert.Equal(1_500, result.Cursor.UltNsu);
        var party = await _stack.PartyAsync(entity.Cnpj);
        Assert.Equal(1, party.MaxConcurrentRequests);
        Assert.Empty(party.Violations);
        Assert.Equal(30 + 1, party.Requests);
    }
}
