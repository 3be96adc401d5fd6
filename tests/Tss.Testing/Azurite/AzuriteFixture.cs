using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tss.DevTools.Local;
using Xunit;

namespace Tss.Testing.Azurite;

/// <summary>
/// A real Azurite (<see cref="AzuriteServer"/>, in memory on free ports) for a test assembly or collection. Use it as
/// an assembly fixture (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>) and isolate tests with uniquely
/// named queues, tables and containers.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's development account.</summary>
    public const string AccountName = AzuriteServer.AccountName;

    private AzuriteServer? azurite;
    private int nameSequence;

    /// <summary>Connection string for <c>Storage:ConnectionString</c> and the SDK clients.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>Blob, queue and table ports.</summary>
    public (int Blob, int Queue, int Table) Ports => Server.Ports;

    private AzuriteServer Server => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>A name valid for a queue, a table and a container alike (lowercase letters and digits), unique in this run.</summary>
    public string UniqueName(string prefix = "t")
    {
        var clean = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30)]);
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }
        return $"{clean}{Interlocked.Increment(ref nameSequence)}x{Random.Shared.Next(0x100000, 0xFFFFFF):x6}";
    }

    /// <summary>A new, empty queue.</summary>
    public async Task<QueueClient> CreateQueueAsync(string prefix = "q")
    {
        var queue = new QueueServiceClient(ConnectionString).GetQueueClient(UniqueName(prefix));
        await queue.CreateAsync().ConfigureAwait(false);
        return queue;
    }

    /// <summary>A new, empty table.</summary>
    public async Task<TableClient> CreateTableAsync(string prefix = "tb")
    {
        var table = new TableServiceClient(ConnectionString).GetTableClient(UniqueName(prefix));
        await table.CreateAsync().ConfigureAwait(false);
        return table;
    }

    /// <summary>A new, empty blob container.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync(string prefix = "c")
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient(UniqueName(prefix));
        await container.CreateAsync().ConfigureAwait(false);
        return container;
    }

    public async ValueTask InitializeAsync() => azurite = await AzuriteServer.StartAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            azurite = null;
        }
    }
}
