using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Sync;
using Tss.Sefaz.Simulator.Distribuicao;

namespace Tss.Mde.Tests.Integration;

/// <summary>The distNSU loop against the simulator's NT 2014.002 rules, on Azurite, with a clock scaled 600×.</summary>
[Collection(MdeCollection.Name)]
public sealed class MdeSyncTests(MdeEnvironment env)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static T Get<T>(IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();

    private static async Task<List<long>> StoredNsusAsync(IHost host, EntityInfo entity) =>
        [.. (await Get<MdeDocumentStore>(host).ListAsync(entity.TenantId, entity.Cnpj, 0, null, 100_000, Ct)).Select(r => r.Nsu)];

    [Fact]
    public async Task Backlog_of_10000_documents_drains_without_656_and_without_gaps_or_repeats()
    {
        await env.SettingsAsync();
        var entity = env.NewEntity();
        await env.SeedAsync(entity.Cnpj, new { count = 10_000 });

        var result = await Get<MdeSyncService>(env.First).SyncAsync(entity, 55, Ct);

        Assert.Equal(SyncStatus.Completed, result.Status);
        Assert.Equal(200, result.Calls);
        Assert.Equal(10_000, result.NewDocuments);
        Assert.Equal(10_000, result.Cursor.UltNsu);
        Assert.Equal(10_000, result.Cursor.MaxNsu);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), await StoredNsusAsync(env.First, entity));
        var party = await env.PartyAsync(entity.Cnpj);
        Assert.Empty(party.Violations);
        Assert.Equal(200, party.Requests);

        // ultNSU == maxNSU: the hour's wait starts, and a sync asked inside it sends nothing.
        var again = await Get<MdeSyncService>(env.Second).SyncAsync(entity, 55, Ct);
        Assert.Equal(SyncStatus.Blocked, again.Status);
        Assert.Equal(result.Cursor.SyncBlockedUntil, again.RetryAfter);
        Assert.Equal(200, (await env.PartyAsync(entity.Cnpj)).Requests);
    }

    [Fact]
    public async Task No_documents_blocks_the_cursor_for_an_hour_and_nothing_is_sent_inside_it()
    {
        var entity = env.NewEntity();
        var sync = Get<MdeSyncService>(env.First);

        var first = await sync.SyncAsync(entity, 55, Ct);
        Assert.Equal(137, first.Cursor.LastCStat);
        Assert.Equal(1, first.Calls);
        var blockedUntil = first.Cursor.SyncBlockedUntil!.Value;
        Assert.InRange(blockedUntil - env.Time.GetUtcNow(), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(62));

        // New documents arrive, but SEFAZ's hour is not over: no request is sent.
        await env.SeedAsync(entity.Cnpj, new { count = 3 });
        var inside = await sync.SyncAsync(entity, 55, Ct);
        Assert.Equal(SyncStatus.Blocked, inside.Status);
        Assert.Equal(1, (await env.PartyAsync(entity.Cnpj)).Requests);

        // The next periodic pass is never due inside the block.
        Assert.True(ConsumptionPolicy.NextPassDue(inside.Status, inside.Cursor, env.Time.GetUtcNow(), TimeSpan.FromMinutes(1)) >= blockedUntil);

        while (env.Time.GetUtcNow() < blockedUntil)
        {
            await Task.Delay(200, Ct);
        }
        var after = await sync.SyncAsync(entity, 55, Ct);
        Assert.Equal(3, after.NewDocuments);
        Assert.Empty((await env.PartyAsync(entity.Cnpj)).Violations);
    }

    [Fact]
    public async Task A_656_blocks_every_request_for_the_hour_and_the_sync_resumes_from_the_returned_ultNSU()
    {
        await env.SettingsAsync(pageSize: 10);
        var entity = env.NewEntity();
        await env.SeedAsync(entity.Cnpj, new { count = 30 });
        // Another tool of the same company consumes two pages: our ultNSU 0 is now out of sequence at SEFAZ.
        using (var rogue = new Tss.Sefaz.Client.SefazClient(Get<Tss.Sefaz.Client.SefazEndpoints>(env.First),
            Get<Microsoft.Extensions.Options.IOptions<Tss.Sefaz.Client.SefazClientOptions>>(env.First)))
        {
            var certificate = await env.Entities.GetCertificateAsync(entity, Ct);
            foreach (var ult in new[] { 0L, 10L })
            {
                await rogue.DistribuicaoDFeAsync(new("SP", 55, 2), certificate, Protocol.DistDFeRequests.DistNsu(2, 35, entity.Cnpj, ult), Ct);
            }
        }
        var sync = Get<MdeSyncService>(env.First);

        var refused = await sync.SyncAsync(entity, 55, Ct);
        Assert.Equal(656, refused.Cursor.LastCStat);
        Assert.Equal(20, refused.Cursor.UltNsu);
        var blockedUntil = refused.Cursor.BlockedUntil!.Value;
        var requests = (await env.PartyAsync(entity.Cnpj)).Requests;

        // Inside the hour: neither the sync nor an on-demand query reaches SEFAZ (each would restart its hour).
        Assert.Equal(SyncStatus.Blocked, (await Get<MdeSyncService>(env.Second).SyncAsync(entity, 55, Ct)).Status);
        var query = await Assert.ThrowsAsync<MdeException>(() =>
            Get<Queries.MdeQueryService>(env.Second).QueryAsync(entity, 55, new Queries.MdeQuery(null, 5), Ct));
        Assert.Equal(MdeErrorCodes.Blocked, query.Code);
        Assert.Equal(requests, (await env.PartyAsync(entity.Cnpj)).Requests);

        while (env.Time.GetUtcNow() < blockedUntil)
        {
            await Task.Delay(200, Ct);
        }
        var resumed = await sync.SyncAsync(entity, 55, Ct);
        Assert.Equal(SyncStatus.Completed, resumed.Status);
        Assert.Equal(30, resumed.Cursor.UltNsu);
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), await StoredNsusAsync(env.First, entity));
        var party = await env.PartyAsync(entity.Cnpj);
        Assert.Equal(DistRule.OutOfSequence, Assert.Single(party.Violations).Rule);
    }

    [Fact]
    public async Task Two_pollers_racing_for_one_cnpj_never_overlap_and_never_cause_656()
    {
        await env.SettingsAsync(latencyMs: 15);
        var entity = env.NewEntity();
        await env.SeedAsync(entity.Cnpj, new { count = 1_500 });
        // Short runs, so the two instances keep taking the cursor from each other.
        var budgets = new[] { env.First, env.Second }.Select(h => Get<Microsoft.Extensions.Options.IOptions<MdeOptions>>(h).Value).ToList();
        budgets.ForEach(o => o.MaxCallsPerRun = 3);
        var pollers = new[] { env.First, env.Second }.Select(host => Task.Run(async () =>
        {
            var results = new List<SyncResult>();
            for (var i = 0; i < 2_000; i++)
            {
                var result = await Get<MdeSyncService>(host).SyncAsync(entity, 55, Ct);
                results.Add(result);
                if (result.Status == SyncStatus.Blocked)
                {
                    break;
                }
                await Task.Delay(5, Ct);
            }
            return results;
        }, Ct)).ToList();
        var all = (await Task.WhenAll(pollers)).SelectMany(r => r).ToList();
        budgets.ForEach(o => o.MaxCallsPerRun = 2_000);

        var party = await env.PartyAsync(entity.Cnpj);
        Assert.Equal(1, party.MaxConcurrentRequests);
        Assert.Empty(party.Violations);
        Assert.Equal(30, party.Requests);
        Assert.Equal(30, all.Sum(r => r.Calls));
        Assert.Equal(1_500, all.Sum(r => r.NewDocuments));
        Assert.True(all.Count(r => r.Status == SyncStatus.Busy) > 0, "the pollers did meet each other");
        Assert.Equal(Enumerable.Range(1, 1_500).Select(i => (long)i), await StoredNsusAsync(env.Second, entity));
        await env.SettingsAsync();
    }

    [Fact]
    public async Task A_crash_after_storing_part_of_an_answer_resumes_with_no_NSU_skipped_or_repeated()
    {
        await env.SettingsAsync();
        var entity = env.NewEntity();
        await env.SeedAsync(entity.Cnpj, new { count = 260 });
        var hooks = Get<MdeSyncHooks>(env.First);
        var chunks = 0;
        hooks.AfterChunkIndexed = nsus =>
        {
            // Dies in the third answer, after its first 25 documents are stored and before the cursor moves.
            return nsus.Contains(101) && Interlocked.Increment(ref chunks) == 1 ? throw new IOException("simulated crash") : Task.CompletedTask;
        };
        var options = Get<Microsoft.Extensions.Options.IOptions<MdeOptions>>(env.First).Value;
        options.StoreChunkSize = 25;
        try
        {
            await Assert.ThrowsAsync<IOException>(() => Get<MdeSyncService>(env.First).SyncAsync(entity, 55, Ct));
        }
        finally
        {
            hooks.AfterChunkIndexed = null;
            options.StoreChunkSize = 50;
        }
        var cursor = await Get<CursorStore>(env.First).FindAsync(entity.Cnpj, 55, entity.tpAmb, Ct);
        Assert.Equal(100, cursor!.UltNsu);
        Assert.Equal(Enumerable.Range(1, 125).Select(i => (long)i), await StoredNsusAsync(env.First, entity));

        // The other instance takes over: the interrupted answer is asked again (a retry, not out of sequence).
        var resumed = await Get<MdeSyncService>(env.Second).SyncAsync(entity, 55, Ct);
        Assert.Equal(260, resumed.Cursor.UltNsu);
        Assert.Equal(260 - 125, resumed.NewDocuments);
        Assert.Equal(260, resumed.Cursor.DocumentCount);
        Assert.Equal(Enumerable.Range(1, 260).Select(i => (long)i), await StoredNsusAsync(env.Second, entity));
        var party = await env.PartyAsync(entity.Cnpj);
        Assert.Empty(party.Violations);
        Assert.Equal(3 + 4, party.Requests);
    }
}
