using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tss.Runtime.Storage;
using Tss.Runtime.Tables;
using Tss.Runtime.Tests.Support;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Tables;

public sealed class TableOperationsTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writers_lose_no_update()
    {
        var table = await azurite.CreateTableAsync("cas");
        await table.AddEntityAsync(new CounterEntity { PartitionKey = "lot", RowKey = "1" }, Ct);

        async Task<int> Writer()
        {
            var attempts = 0;
            for (var i = 0; i < 20; i++)
            {
                var result = await table.UpdateWithRetryAsync<CounterEntity>("lot", "1", e => { e.Count++; return true; }, maxAttempts: 50, ct: Ct);
                Assert.Equal(TableUpdateStatus.Updated, result.Status);
                attempts += result.Attempts;
            }
            return attempts;
        }
        var attempts = await Task.WhenAll(Writer(), Writer(), Writer());

        var stored = await table.GetEntityAsync<CounterEntity>("lot", "1", cancellationToken: Ct);
        Assert.Equal(60, stored.Value.Count);
        Assert.True(attempts.Sum() >= 60);
    }

    [Fact]
    public async Task Update_that_meets_a_concurrent_change_rereads_and_keeps_both()
    {
        var table = await azurite.CreateTableAsync("cas");
        await table.AddEntityAsync(new CounterEntity { PartitionKey = "lot", RowKey = "2" }, Ct);
        var other = new TableClient(azurite.ConnectionString, table.Name);
        var calls = 0;

        var result = await table.UpdateWithRetryAsync<CounterEntity>("lot", "2", e =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Another instance writes between our read and our write.
                other.UpsertEntity(new CounterEntity { PartitionKey = "lot", RowKey = "2", Count = e.Count, Note = "other writer" }, TableUpdateMode.Replace);
            }
            e.Count++;
            return true;
        }, ct: Ct);

        Assert.Equal(TableUpdateStatus.Updated, result.Status);
        Assert.Equal(2, result.Attempts);
        var stored = (await table.GetEntityAsync<CounterEntity>("lot", "2", cancellationToken: Ct)).Value;
        Assert.Equal(1, stored.Count);
        Assert.Equal("other writer", stored.Note);
        Assert.Equal(stored.ETag, result.Entity!.ETag);
    }

    [Fact]
    public async Task Update_gives_up_after_the_bounded_number_of_attempts()
    {
        var table = await azurite.CreateTableAsync("cas");
        await table.AddEntityAsync(new CounterEntity { PartitionKey = "lot", RowKey = "3" }, Ct);
        var other = new TableClient(azurite.ConnectionString, table.Name);
        var calls = 0;

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateWithRetryAsync<CounterEntity>("lot", "3", e =>
        {
            calls++;
            other.UpsertEntity(new CounterEntity { PartitionKey = "lot", RowKey = "3", Count = 100 + calls }, TableUpdateMode.Replace);
            e.Count = -1;
            return true;
        }, maxAttempts: 3, ct: Ct));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Update_without_change_writes_nothing_and_missing_entity_is_reported()
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var table = storage.GetTable(azurite.UniqueName("cas"));
        await table.CreateAsync(Ct);
        await table.AddEntityAsync(new CounterEntity { PartitionKey = "lot", RowKey = "4", Count = 5 }, Ct);
        storage.Counter.Reset();

        var unchanged = await table.UpdateWithRetryAsync<CounterEntity>("lot", "4", e => e.Count != 5, ct: Ct);
        var missing = await table.UpdateWithRetryAsync<CounterEntity>("lot", "nope", e => true, ct: Ct);

        Assert.Equal(TableUpdateStatus.Unchanged, unchanged.Status);
        Assert.Equal(5, unchanged.Entity!.Count);
        Assert.Equal(TableUpdateStatus.NotFound, missing.Status);
        Assert.Null(missing.Entity);
        var counted = storage.Counter.Snapshot();
        Assert.Equal(2, counted.For(StorageService.Table, "QueryEntity"));
        Assert.Equal(2, counted.Total);
    }

    [Fact]
    public async Task Insert_if_absent_returns_the_existing_entity_on_conflict()
    {
        var table = await azurite.CreateTableAsync("claim");

        var first = await table.InsertIfAbsentAsync(new CounterEntity { PartitionKey = "doc", RowKey = "35250100000000000000550010000000011000000011", Note = "first" }, Ct);
        var second = await table.InsertIfAbsentAsync(new CounterEntity { PartitionKey = "doc", RowKey = "35250100000000000000550010000000011000000011", Note = "second" }, Ct);

        Assert.True(first.Inserted);
        Assert.False(second.Inserted);
        Assert.Equal("first", second.Entity.Note);
        Assert.Equal(first.Entity.ETag, second.Entity.ETag);
    }

    [Fact]
    public async Task Transactions_are_split_by_partition_and_at_most_one_hundred_actions()
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var table = storage.GetTable(azurite.UniqueName("batch"));
        await table.CreateAsync(Ct);
        var actions = Enumerable.Range(0, 250).Select(i => new TableEntity("lot-a", $"doc-{i:D4}") { ["n"] = i })
            .Concat(Enumerable.Range(0, 30).Select(i => new TableEntity("lot-b", $"doc-{i:D4}") { ["n"] = i }))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .ToList();
        storage.Counter.Reset();

        var transactions = await table.SubmitInTransactionsAsync(actions, Ct);

        Assert.Equal(4, transactions); // 100 + 100 + 50 in lot-a, 30 in lot-b
        Assert.Equal(4, storage.Counter.Snapshot().For(StorageService.Table, "EntityGroupTransaction"));
        var stored = await table.QueryAsync<TableEntity>(cancellationToken: Ct).CountAsync(Ct);
        Assert.Equal(280, stored);
    }
}
