using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tss.Testing.Processes;
using Xunit;

namespace Tss.Testing.Azurite;

/// <summary>
/// A real Azurite (the npm package pinned in <c>infra/local</c>) for a test assembly or collection: started on free
/// ports, in memory, run from a fresh temporary directory, killed on dispose. Use it as an assembly fixture
/// (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>) and isolate tests with uniquely named queues,
/// tables and containers.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's development account (its key is the published, well-known one).</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private RunningProcess? azurite;
    private string? workspace;
    private int nameSequence;

    /// <summary>Connection string for <c>Storage:ConnectionString</c> and the SDK clients.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Blob, queue and table ports.</summary>
    public (int Blob, int Queue, int Table) Ports { get; private set; }

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

    public async ValueTask InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot.Path, "infra", "local", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `./tss test` once: it installs infra/local (npm ci).");
        }
        workspace = Directory.CreateTempSubdirectory("tss-azurite-").FullName;
        var ports = FreePorts.Allocate(3);
        Ports = (ports[0], ports[1], ports[2]);
        azurite = ProcessRunner.Start(executable,
        [
            // In memory for speed (--location cannot be combined with it); the fresh temp directory is the
            // working directory, so nothing Azurite writes lands in the repository.
            "--silent", "--loose", "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], workspace);
        try
        {
            await FreePorts.WaitUntilListeningAsync(ports, TimeSpan.FromSeconds(60), () => azurite.IsRunning).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = azurite.Output;
            await DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Azurite did not start: {e.Message}{Environment.NewLine}{output}", e);
        }
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports[1]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/{AccountName};";
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            azurite = null;
        }
        if (workspace is not null && Directory.Exists(workspace))
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
        workspace = null;
    }
}
