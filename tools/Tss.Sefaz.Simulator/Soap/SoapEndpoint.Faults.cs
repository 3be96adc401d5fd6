using System.Globalization;
using System.Xml;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Soap.Internal;

namespace Tss.Sefaz.Simulator.Soap;

public sealed partial class SoapEndpoint
{
    private const string HtmlPage =
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>";

    /// <summary>
    /// Applies the request faults of this phase. Latencies delay; a timeout, HTTP error or malformed body replaces the
    /// answer and returns Handled (the exchange is recorded here). Applied names the faults used.
    /// </summary>
    private async Task<(bool Handled, string? Applied)> ApplyFaultsAsync(HttpContext context, ExchangeRecord exchange, ISimulatorService service,
        XmlElement? payload, FaultPhase phase, string? answer, CancellationToken ct)
    {
        var faults = _faults.TakeRequestFaults(service.WsdlService, service.PayloadRoot, phase);
        var applied = new List<string>();
        foreach (var fault in faults)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{fault.Kind}/{fault.Phase}#{fault.Id}");
            applied.Add(label);
            Log.FaultApplied(_logger, label);
            exchange = exchange with { Fault = string.Join(';', [.. Split(exchange.Fault), .. applied]) };
            switch (fault.Kind)
            {
                case FaultKind.Latency:
                    await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs), _time, ct);
                    break;
                case FaultKind.Timeout:
                    await Task.Delay(TimeSpan.FromSeconds(fault.TimeoutSeconds), _time, ct);
                    Record(exchange with { HttpStatus = 0 });
                    context.Abort();
                    return (true, exchange.Fault);
                case FaultKind.HttpError:
                    context.Response.StatusCode = fault.StatusCode;
                    var body = fault.Body ?? "Service Unavailable";
                    await WriteAsync(context, body.StartsWith('<') ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body);
                    Record(exchange with { HttpStatus = fault.StatusCode });
                    return (true, exchange.Fault);
                case FaultKind.Malformed:
                    context.Response.StatusCode = 200;
                    if (string.Equals(fault.Malformed, "html", StringComparison.OrdinalIgnoreCase))
                    {
                        await WriteAsync(context, "text/html; charset=utf-8", HtmlPage);
                    }
                    else
                    {
                        var whole = answer ?? SoapEnvelopeWriter.Result(service,
                            service.Reject(payload, 999, Motivos.Text(999)).RetXml);
                        await WriteAsync(context, SoapEnvelopeWriter.ContentType, whole[..(whole.Length / 2)]);
                    }

                    Record(exchange);
                    return (true, exchange.Fault);
                default:
                    break;
            }
        }

        return (false, exchange.Fault);
    }

    private static string[] Split(string? faults) => faults is null ? [] : faults.Split(';');
}
