using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>
/// One simulator per test class, in-process on free ports, on a fake clock that starts at the real time (so the test
/// CA's certificates are valid) and moves only when a test advances it.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _admin;
    private readonly Dictionary<X509Certificate2, HttpClient> _clients = [];

    public FakeTimeProvider Time { get; } = new(SefazTime.Truncate(DateTimeOffset.UtcNow));

    public SimulatorOptions Options { get; } = new()
    {
        SoapPort = 0,
        AdminPort = 0,
        TMedSeconds = 1,
        MinPollInterval = TimeSpan.Zero,
        ConsumptionViolationThreshold = 1000,
    };

    public Uri SoapUri { get; private set; } = null!;
    public HttpClient Admin => _admin!;

    public async ValueTask InitializeAsync()
    {
        Options.ServerCertificate = TestPki.Server;
        Options.ClientCaCertificate = TestPki.Ca.Certificate;
        _app = SimulatorApp.Build(Options, Time, logging => logging.ClearProviders());
        await _app.StartAsync();
        SoapUri = SimulatorApp.SoapUri(_app);
        _admin = new HttpClient { BaseAddress = SimulatorApp.AdminUri(_app) };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A client presenting <paramref name="certificate"/> (none when null) and trusting only the test CA.</summary>
    public static HttpClient CreateClient(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, server, _, _) =>
                    server is X509Certificate2 s && CertificateChains.ChainsTo(s, TestPki.Ca.Certificate),
            },
        };
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Posts an envelope with the transmitter certificate (or another one).</summary>
    public async Task<SoapReply> PostAsync(string envelope, X509Certificate2? certificate = null)
    {
        var client = ClientFor(certificate ?? TestPki.Transmitter);
        using var content = new StringContent(envelope, Encoding.UTF8, "application/soap+xml");
        using var response = await client.PostAsync(new Uri(SoapUri, "/ws/NFeAutorizacao4.asmx"), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new SoapReply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    /// <summary>Posts and checks the answer is a 200 SOAP result whose ret element is valid against the official schema.</summary>
    public async Task<SoapReply> CallAsync(string service, string payload, X509Certificate2? certificate = null)
    {
        var reply = await PostAsync(Payloads.Envelope(service, payload), certificate);
        AssertValidAnswer(reply);
        return reply;
    }

    public static void AssertValidAnswer(SoapReply reply)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/soap+xml; charset=utf-8", reply.ContentType);
        var ret = reply.Ret.OuterXml;
        var result = NfeSchemas.Shared.Validate(ret);
        Assert.True(result.IsValid, $"{result.SchemaFile}: {string.Join("; ", result.Errors.Select(e => e.Message))}\n{ret}");
        Assert.DoesNotContain("\n", reply.Body, StringComparison.Ordinal);
    }

    public async Task ResetAsync()
    {
        using var response = await Admin.PostAsync(new Uri("/admin/reset", UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<T> GetAsync<T>(string path) =>
        (await Admin.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative), AdminJson.Options, TestContext.Current.CancellationToken))!;

    private HttpClient ClientFor(X509Certificate2 certificate)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue(certificate, out var client))
            {
                _clients[certificate] = client = CreateClient(certificate);
            }

            return client;
        }
    }
}
