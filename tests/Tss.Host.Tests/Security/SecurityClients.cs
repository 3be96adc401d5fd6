using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace Tss.Host.Tests.Security;

/// <summary>Clients for attack tests: from a loopback source address of their own (so a per-client throttle starts
/// fresh for each test) and SOAP calls that keep status and fault code.</summary>
internal static class SecurityClients
{
    public const string SoapNs = "urn:tss-functions:nfe:v1";
    private static int _nextAddress = Random.Shared.Next(2, 200);

    /// <summary>A new loopback source address (127.0.0.2 – 127.0.0.254) the host has not seen from other tests.</summary>
    public static IPAddress NewSourceAddress() => IPAddress.Parse($"127.0.{Random.Shared.Next(1, 250)}.{Interlocked.Increment(ref _nextAddress) % 250 + 2}");

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>.</summary>
    public static HttpClient From(Uri baseAddress, IPAddress source, string? apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    /// <summary>A nesting of <paramref name="depth"/> elements (7 bytes a level).</summary>
    public static string Nested(int depth, string element = "a")
    {
        var text = new StringBuilder(depth * (element.Length * 2 + 5));
        for (var i = 0; i < depth; i++)
        {
            text.Append('<').Append(element).Append('>');
        }
        for (var i = 0; i < depth; i++)
        {
            text.Append("</").Append(element).Append('>');
        }
        return text.ToString();
    }

    public static string Envelope(string operation, string parameters) =>
        $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><{operation} xmlns=\"{SoapNs}\">{parameters}</{operation}></s:Body></s:Envelope>";

    public static HttpContent Soap(string operation, string envelope)
    {
        var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", $"\"{SoapNs}/NfeService/{operation}\"");
        return content;
    }

    /// <summary>The TssFault code of a SOAP answer, or null.</summary>
    public static async Task<string?> FaultCodeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return XDocument.Parse(text).Descendants(XName.Get("Code", SoapNs)).SingleOrDefault()?.Value;
    }
}
