using System.Globalization;
using Tss.DevTools.Processes;

namespace Tss.DevTools.Local;

/// <summary>
/// The functions host (<c>Tss.Host.dll</c>) as a separate OS process, configured through environment variables:
/// for <c>./tss up</c>, the benchmark (peak memory of the host alone) and the crash tests (<see cref="Kill"/> is a
/// SIGKILL — no shutdown code runs).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly RunningProcess _process;

    private HostProcess(RunningProcess process, Uri baseUri) => (_process, BaseUri) = (process, baseUri);

    /// <summary>Where the host listens (http://127.0.0.1:port/).</summary>
    public Uri BaseUri { get; }

    public int Id => _process.Id;

    public bool IsRunning => _process.IsRunning;

    /// <summary>What the host printed (last 64 KiB).</summary>
    public string Output => _process.Output;

    /// <summary>The host built in <paramref name="configuration"/> (Release or Debug) in this checkout.</summary>
    public static string DefaultAssembly(string configuration = "Release") =>
        Path.Combine(RepositoryRoot.Path, "functions", "Tss.Host", "bin", configuration, "net10.0", "Tss.Host.dll");

    /// <summary>Starts the host on 127.0.0.1:<paramref name="port"/> and waits until <c>/health</c> answers 200.</summary>
    /// <param name="environment">Configuration as environment variables (<c>Storage__ConnectionString</c>, …).</param>
    public static async Task<HostProcess> StartAsync(string assembly, int port, IReadOnlyDictionary<string, string?> environment,
        string? workingDirectory = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The host is not built ({assembly} is missing): dotnet build functions/Tss.Host -c Release.");
        }
        var env = new Dictionary<string, string?>(environment)
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = ProcessRunner.Start("dotnet", [assembly], workingDirectory ?? RepositoryRoot.Path, env);
        var host = new HostProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        using var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (!process.IsRunning)
            {
                var output = process.Output;
                await host.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The host exited during start:{Environment.NewLine}{output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start.
            }
            if (DateTime.UtcNow > deadline)
            {
                var output = process.Output;
                await host.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException($"The host did not answer /health within the timeout:{Environment.NewLine}{output}");
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: the process ends at once, mid-whatever it was doing.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Peak resident memory of the host process so far (VmHWM), in MB; 0 when unavailable.</summary>
    public double PeakRssMb()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // Exited.
        }
        return 0;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
