using System.Net;
using System.Net.Sockets;
using Tss.DevTools.Local;
using Tss.DevTools.Processes;
using Xunit;

namespace Tss.DevTools.Tests.Local;

/// <summary>
/// The local Azurite and MailDev must start on ports nobody else takes meanwhile: several test projects start their
/// own at the same moment (CI once lost a run to Azurite exiting with EADDRINUSE on a port chosen "free" a moment before).
/// </summary>
public sealed class LocalServersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Azurite_ports_are_read_from_its_listening_lines()
    {
        const string output = """
            Azurite Blob service is starting at http://127.0.0.1:0
            Azurite Blob service is successfully listening at http://127.0.0.1:34881
            Azurite Queue service is starting at http://127.0.0.1:0
            Azurite Queue service is successfully listening at http://127.0.0.1:42269
            Azurite Table service is successfully listening at http://127.0.0.1:34333
            """;

        Assert.Equal((34881, 42269, 34333), AzuriteServer.ParseListeningPorts(output));
        Assert.Null(AzuriteServer.ParseListeningPorts(output[..output.IndexOf("Azurite Table", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Azurites_started_together_listen_on_the_ports_they_report()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AzuriteServer.StartAsync(ct: Ct)));
        try
        {
            var ports = servers.SelectMany(s => new[] { s.Ports.Blob, s.Ports.Queue, s.Ports.Table }).ToList();
            Assert.Equal(12, ports.Distinct().Count());
            Assert.DoesNotContain(0, ports);
            using var http = new HttpClient();
            foreach (var server in servers)
            {
                // Azurite's own answer (an error document naming its account), not some other listener's.
                var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{server.Ports.Blob}/{AzuriteServer.AccountName}?comp=list"), Ct);
                Assert.Contains("x-ms-request-id", answer.Headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task MailDev_tries_new_ports_when_a_chosen_one_was_taken_meanwhile()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var choices = 0;

        await using var maildev = await MailDevServer.StartAsync(null, null, () =>
            ++choices == 1 ? (taken, FreePorts.Allocate()) : (FreePorts.Allocate(2) is var free ? (free[0], free[1]) : default), Ct);

        Assert.Equal(2, choices);
        Assert.NotEqual(taken, maildev.SmtpPort);
        using var http = new HttpClient();
        var emails = await http.GetStringAsync(new Uri(maildev.WebUri, "api/email"), Ct);
        Assert.Equal("[]", emails.Trim());
    }
}
