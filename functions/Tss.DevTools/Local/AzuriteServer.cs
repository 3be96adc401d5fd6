using System.Globalization;
using Tss.DevTools.Processes;

namespace Tss.DevTools.Local;

/// <summary>
/// A real Azurite (the npm package pinned in <c>infra/local</c>) on loopback: started on the given or free ports, in
/// memory or persisted to a directory, killed on dispose. Used by <c>./tss up</c>, the benchmark and the tests.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's development account (its key is the published, well-known one).</summary>
    public const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly RunningProcess _process;
    private readonly string? _scratch;

    private AzuriteServer(RunningProcess process, (int Blob, int Queue, int Table) ports, string? scratch)
    {
        _process = process;
        _scratch = scratch;
        Ports = ports;
        ConnectionString = ConnectionStringFor(ports);
    }

    /// <summary>Connection string for <c>Storage:ConnectionString</c> and the SDK clients.</summary>
    public string ConnectionString { get; }

    /// <summary>Blob, queue and table ports.</summary>
    public (int Blob, int Queue, int Table) Ports { get; }

    /// <summary>The OS process id of Azurite (node).</summary>
    public int ProcessId => _process.Id;

    /// <summary>What Azurite printed (for failure messages).</summary>
    public string Output => _process.Output;

    /// <summary>The connection string of an Azurite listening on <paramref name="ports"/> of 127.0.0.1.</summary>
    public static string ConnectionStringFor((int Blob, int Queue, int Table) ports) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{ports.Table}/{AccountName};";

    /// <summary>
    /// Starts Azurite and waits until its three ports listen. <paramref name="dataDirectory"/> null = in memory (fast,
    /// gone on exit); otherwise the data is kept there across runs.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(string? dataDirectory = null, (int Blob, int Queue, int Table)? ports = null, CancellationToken ct = default)
    {
        var executable = Path.Combine(RepositoryRoot.Path, "infra", "local", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `./tss test` or `./tss up` once: they install infra/local (npm ci).");
        }
        var p = ports ?? (FreePorts.Allocate(3) is var free ? (free[0], free[1], free[2]) : default);
        var scratch = dataDirectory is null ? Directory.CreateTempSubdirectory("tss-azurite-").FullName : null;
        var args = new List<string> { "--silent", "--loose", "--skipApiVersionCheck", "--disableTelemetry" };
        // In memory for speed (--location cannot be combined with it); then the fresh temp directory is the working
        // directory, so nothing Azurite writes lands in the repository.
        args.AddRange(dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", Directory.CreateDirectory(dataDirectory).FullName]);
        args.AddRange(["--blobHost", "127.0.0.1", "--blobPort", Port(p.Blob), "--queueHost", "127.0.0.1", "--queuePort", Port(p.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(p.Table)]);
        var process = ProcessRunner.Start(executable, args, scratch ?? dataDirectory);
        var server = new AzuriteServer(process, p, scratch);
        try
        {
            await FreePorts.WaitUntilListeningAsync([p.Blob, p.Queue, p.Table], TimeSpan.FromSeconds(60), () => process.IsRunning, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = process.Output;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Azurite did not start: {e.Message}{Environment.NewLine}{output}", e);
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (_scratch is not null && Directory.Exists(_scratch))
        {
            try
            {
                Directory.Delete(_scratch, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
