using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Runtime.Storage;
using Tss.Runtime.Tests.Support;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Storage;

public sealed class StorageTransactionCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task One_upsert_is_one_table_transaction()
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var table = storage.GetTable(azurite.UniqueName("counted"));
        await table.CreateAsync(TestContext.Current.CancellationToken);
        storage.Counter.Reset();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["n"] = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        var counted = storage.Counter.Snapshot();
        Assert.Equal(1, counted.Total);
        Assert.Equal(1, counted.For(StorageService.Table, "InsertOrMergeEntity"));
    }

    [Fact]
    public async Task Every_request_is_counted_by_service_and_operation()
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var ct = TestContext.Current.CancellationToken;
        var before = storage.Counter.Snapshot();

        var queue = storage.GetQueue(azurite.UniqueName("counted"));
        await queue.CreateAsync(cancellationToken: ct);
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"m{i}", ct);
        }
        var received = (await queue.ReceiveMessagesAsync(32, cancellationToken: ct)).Value;
        foreach (var message in received)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }

        var table = storage.GetTable(azurite.UniqueName("counted"));
        await table.CreateAsync(ct);
        var added = await table.AddEntityAsync(new TableEntity("p", "r"), ct);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["n"] = 2 }, added.Headers.ETag!.Value, TableUpdateMode.Replace, ct);
        await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct);

        var container = storage.GetContainer(azurite.UniqueName("counted"));
        await container.CreateAsync(cancellationToken: ct);
        await container.GetBlobClient("a.xml").UploadAsync(BinaryData.FromString("<a/>"), ct);
        await container.GetBlobClient("a.xml").DownloadContentAsync(ct);

        var counted = storage.Counter.Snapshot().Since(before);
        Assert.Equal(3, received.Length);
        Assert.Equal(1, counted.For(StorageService.Queue, "CreateQueue"));
        Assert.Equal(3, counted.For(StorageService.Queue, "PutMessage"));
        Assert.Equal(1, counted.For(StorageService.Queue, "GetMessages"));
        Assert.Equal(3, counted.For(StorageService.Queue, "DeleteMessage"));
        Assert.Equal(8, counted.For(StorageService.Queue));
        Assert.Equal(1, counted.For(StorageService.Table, "CreateTable"));
        Assert.Equal(1, counted.For(StorageService.Table, "InsertEntity"));
        Assert.Equal(1, counted.For(StorageService.Table, "UpdateEntity"));
        Assert.Equal(1, counted.For(StorageService.Table, "QueryEntity"));
        Assert.Equal(4, counted.For(StorageService.Table));
        Assert.Equal(1, counted.For(StorageService.Blob, "CreateContainer"));
        Assert.Equal(1, counted.For(StorageService.Blob, "PutBlob"));
        Assert.Equal(1, counted.For(StorageService.Blob, "GetBlob"));
        Assert.Equal(3, counted.For(StorageService.Blob));
        Assert.Equal(15, counted.Total);
    }

    [Fact]
    public async Task Reset_sets_the_counts_back_to_zero()
    {
        using var host = RuntimeHost.Build(azurite, _ => { });
        var storage = host.Services.GetRequiredService<StorageClients>();
        await storage.GetQueue(azurite.UniqueName("reset")).CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, storage.Counter.Snapshot().Total);

        storage.Counter.Reset();

        Assert.Equal(0, storage.Counter.Snapshot().Total);
    }
}
