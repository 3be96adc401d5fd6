using System.Globalization;
using System.Text.RegularExpressions;
using Tss.DevTools.Processes;

namespace Tss.DevTools.Local;

/// <summary>
/// A real Azurite (the npm package pinned in <c>infra/local</c>) on loopback: started on the given or free ports, in
/// memory or persisted to a directory, killed on dispose. Used by <c>./tss up</c>, the benchmark and the tests.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
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
        var scratch = dataDirectory is null ? Directory.CreateTempSubdirectory("tss-azurite-").FullName : null;
        var args = new List<string> { "--silent", "--loose", "--skipApiVersionCheck", "--disableTelemetry" };
        // In memory for speed (--location cannot be combined with it); then the fresh temp directory is the working
        // directory, so nothing Azurite writes lands in the repository.
        args.AddRange(dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", Directory.CreateDirectory(dataDirectory).FullName]);
        // Without fixed ports Azurite binds port 0 and we read the ports it got from its own output: choosing free
        // ports first and passing them races with every other process (parallel test projects) that does the same.
        var asked = ports ?? (0, 0, 0);
        args.AddRange(["--blobHost", "127.0.0.1", "--blobPort", Port(asked.Blob), "--queueHost", "127.0.0.1", "--queuePort", Port(asked.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(asked.Table)]);
        var process = ProcessRunner.Start(executable, args, scratch ?? dataDirectory);
        try
        {
            var p = ports ?? await ListeningPortsAsync(process, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
            await FreePorts.WaitUntilListeningAsync([p.Blob, p.Queue, p.Table], TimeSpan.FromSeconds(60), () => process.IsRunning, ct).ConfigureAwait(false);
            return new AzuriteServer(process, p, scratch);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = process.Output;
            await new AzuriteServer(process, asked, scratch).DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Azurite did not start: {e.Message}{Environment.NewLine}{output}", e);
        }
        catch
        {
            await new AzuriteServer(process, asked, scratch).DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The ports Azurite reports in its "&lt;Service&gt; service is successfully listening at http://host:port" lines.</summary>
    internal static (int Blob, int Queue, int Table)? ParseListeningPorts(string output)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in ListeningLine().Matches(output))
        {
            found[m.Groups["service"].Value] = int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture);
        }
        return found.TryGetValue("Blob", out var blob) && found.TryGetValue("Queue", out var queue) && found.TryGetValue("Table", out var table)
            ? (blob, queue, table)
            : null;
    }

    private static async Task<(int Blob, int Queue, int Table)> ListeningPortsAsync(RunningProcess process, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (ParseListeningPorts(process.Output) is { } found)
            {
                return found;
            }
            if (!process.IsRunning)
            {
                throw new InvalidOperationException("The process exited before reporting its ports.");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not report its ports within {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^\s:]+:(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();

    /// <summary>
    /// SIGTERM and wait for the exit: Azurite writes its persisted data before it exits (a SIGKILL could lose the last
    /// seconds of writes). Start a new one on the same directory and <see cref="Ports"/> to go on.
    /// </summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        await ProcessRunner.RunAsync("kill", ["-TERM", ProcessId.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return await _process.WaitForExitAsync(timeout).ConfigureAwait(false) != -1;
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
