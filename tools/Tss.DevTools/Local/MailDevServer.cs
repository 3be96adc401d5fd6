using System.Globalization;
using Tss.DevTools.Processes;

namespace Tss.DevTools.Local;

/// <summary>
/// A real MailDev SMTP server (the npm package pinned in <c>infra/local</c>) on loopback: plain SMTP without
/// authentication and a web UI/REST API (<c>/api/email</c>). Used by <c>./tss up</c> and the tests; killed on dispose.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private readonly RunningProcess _process;
    private readonly string? _scratch;

    private MailDevServer(RunningProcess process, int smtpPort, int webPort, string? scratch)
    {
        _process = process;
        _scratch = scratch;
        SmtpPort = smtpPort;
        WebUri = new Uri($"http://127.0.0.1:{webPort}/");
    }

    /// <summary>SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; }

    /// <summary>Base address of the web UI and REST API.</summary>
    public Uri WebUri { get; }

    /// <summary>
    /// Starts MailDev and waits until both ports listen. <paramref name="mailDirectory"/> null = a temporary directory
    /// removed on dispose.
    /// </summary>
    public static Task<MailDevServer> StartAsync(string? mailDirectory = null, (int Smtp, int Web)? ports = null, CancellationToken ct = default) =>
        StartAsync(mailDirectory, ports, () => FreePorts.Allocate(2) is var free ? (free[0], free[1]) : default, ct);

    /// <summary>As the public overload, with the choice of free ports given (tests make it collide).</summary>
    internal static async Task<MailDevServer> StartAsync(string? mailDirectory, (int Smtp, int Web)? ports, Func<(int Smtp, int Web)> choosePorts, CancellationToken ct)
    {
        var executable = Path.Combine(RepositoryRoot.Path, "infra", "local", "node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"MailDev is not installed ({executable} is missing). Run `./tss test` or `./tss up` once: they install infra/local (npm ci).");
        }
        // MailDev refuses port 0, so free ports are chosen first; another process may bind one of them before MailDev
        // does (parallel test projects), and then MailDev exits at once (silently): chosen ports are tried again, given ones not.
        for (var attempt = 1; ; attempt++)
        {
            var p = ports ?? choosePorts();
            try
            {
                return await StartOnceAsync(executable, mailDirectory, p, ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e) when (ports is null && attempt < 5 && e.InnerException is InvalidOperationException)
            {
                // Taken meanwhile: new ports.
            }
        }
    }

    private static async Task<MailDevServer> StartOnceAsync(string executable, string? mailDirectory, (int Smtp, int Web) p, CancellationToken ct)
    {
        var scratch = mailDirectory is null ? Directory.CreateTempSubdirectory("tss-maildev-").FullName : null;
        var directory = mailDirectory ?? Path.Combine(scratch!, "mail");
        var process = ProcessRunner.Start(executable,
        [
            "--smtp", p.Smtp.ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
            "--web", p.Web.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1",
            "--mail-directory", directory, "--silent",
        ], scratch ?? Path.GetDirectoryName(Path.GetFullPath(directory)));
        var server = new MailDevServer(process, p.Smtp, p.Web, scratch);
        try
        {
            await FreePorts.WaitUntilListeningAsync([p.Smtp, p.Web], TimeSpan.FromSeconds(60), () => process.IsRunning, ct).ConfigureAwait(false);
            // A port that answers may belong to the process that took it from us: ours must still be running.
            await Task.Delay(200, ct).ConfigureAwait(false);
            if (!process.IsRunning)
            {
                throw new InvalidOperationException("The process exited right after its ports answered.");
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = process.Output;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"MailDev did not start: {e.Message}{Environment.NewLine}{output}", e);
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
}
