using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Logging;
using Tss.Protocol;
using Tss.Protocol.Certificates;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Soap.Internal;

namespace Tss.Sefaz.Simulator.Soap;

/// <summary>
/// The SOAP 1.2 endpoint: POST on any path, payload dispatched on its root, transmitter-certificate checks (281/282),
/// the 500 KB cap (214), faults before and after processing, and one exchange-log record per request (written before the answer).
/// </summary>
public sealed partial class SoapEndpoint
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly FaultRegistry _faults;
    private readonly ExchangeLog _exchanges;
    private readonly ILogger<SoapEndpoint> _logger;
    private readonly Dictionary<string, ISimulatorService> _services;
    private readonly AuthorizerBoard _board;

    public SoapEndpoint(SimulatorOptions options, TimeProvider time, FaultRegistry faults, ExchangeLog exchanges,
        IEnumerable<ISimulatorService> services, AuthorizerBoard board, ILogger<SoapEndpoint> logger)
    {
        _board = board;
        _options = options;
        _time = time;
        _faults = faults;
        _exchanges = exchanges;
        _logger = logger;
        _services = services.ToDictionary(s => s.PayloadRoot, StringComparer.Ordinal);
    }

    /// <summary>Largest body read at all; above <see cref="SimulatorOptions.MaxMessageBytes"/> but readable → 214.</summary>
    private int HardLimit => Math.Max(_options.MaxMessageBytes * 4, 4 * 1024 * 1024);

    /// <summary>Handles one HTTPS request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exchange = new ExchangeRecord(0, _time.GetUtcNow(), null, null, null, null, null, [], [], null, 200);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await WriteFaultAsync(context, exchange, 405, "http.method", "Only POST is served here.");
            return;
        }

        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        var cnpj = certificate is null ? null : IcpBrasilCertificate.GetCnpj(certificate);
        exchange = exchange with { TransmitterCnpj = cnpj };

        var body = await ReadBodyAsync(context.Request, HardLimit, context.RequestAborted);
        if (body is null)
        {
            await WriteFaultAsync(context, exchange, 413, ProtocolErrorCodes.Xml.TooLarge, "The message exceeds the size the simulator reads.");
            return;
        }

        XmlDocument envelope;
        SoapPayload payload;
        try
        {
            envelope = SafeXml.Load(body, HardLimit);
            payload = SoapEnvelopeReader.Read(envelope, HardLimit);
        }
        catch (XmlInputException e)
        {
            Log.RequestRefused(_logger, e.Code);
            await WriteFaultAsync(context, exchange, 400, e.Code, e.Message);
            return;
        }

        var root = payload.Payload?.LocalName ?? "enviNFe";
        if (!_services.TryGetValue(root, out var service) || (payload.Payload is { } p && p.NamespaceURI != NfeNamespaces.Nfe))
        {
            Log.RequestRefused(_logger, ProtocolErrorCodes.Xml.UnexpectedRoot);
            await WriteFaultAsync(context, exchange with { PayloadRoot = root }, 400, ProtocolErrorCodes.Xml.UnexpectedRoot,
                $"No service answers the payload root '{root}'.");
            return;
        }

        exchange = exchange with { Service = service.WsdlService, PayloadRoot = root };
        await RunAsync(context, exchange, service, payload, certificate, cnpj, body.Length);
    }

    private async Task RunAsync(HttpContext context, ExchangeRecord exchange, ISimulatorService service, SoapPayload payload,
        X509Certificate2? certificate, string? cnpj, int size)
    {
        var ct = context.RequestAborted;
        var gate = await GateAsync(context, exchange, service, payload.Payload);
        if (gate.Handled)
        {
            return;
        }

        var before = await ApplyFaultsAsync(context, exchange, service, payload.Payload, FaultPhase.Before, answer: null, ct);
        if (before.Handled)
        {
            return;
        }

        var answer = gate.Answer ?? Process(service, payload, certificate, cnpj, size, gate.Svc);
        exchange = exchange with
        {
            idLote = answer.idLote,
            nRec = answer.nRec,
            chNFe = answer.chNFe,
            cStat = answer.cStat,
            Fault = before.Applied,
        };
        // On record before the answer goes out: SEFAZ has processed the request whether or not its answer arrives.
        exchange = Record(exchange, final: false);
        var envelope = SoapEnvelopeWriter.Result(service, answer.RetXml);
        var after = await ApplyFaultsAsync(context, exchange, service, payload.Payload, FaultPhase.After, envelope, ct);
        if (after.Handled)
        {
            return;
        }

        context.Response.StatusCode = 200;
        await WriteAsync(context, SoapEnvelopeWriter.ContentType, envelope);
        Record(exchange with { Fault = after.Applied });
    }

    private ServiceAnswer Process(ISimulatorService service, SoapPayload payload, X509Certificate2? certificate, string? cnpj, int size,
        string? svc)
    {
        if (payload.ZipFailed || payload.Payload is null)
        {
            return service.Reject(null, 416, Motivos.Text(416));
        }

        if (size > _options.MaxMessageBytes)
        {
            return service.Reject(payload.Payload, 214, Motivos.Text(214));
        }

        // TLS already refused certificates outside our CA; like SEFAZ, validity and CNPJ are answered as cStat.
        var now = _time.GetUtcNow();
        var transmitterStatus = certificate is null ? 280
            : now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime() ? 281
            : cnpj is null ? 282
            : 0;
        if (transmitterStatus != 0)
        {
            Log.TransmitterRefused(_logger, transmitterStatus);
            return service.Reject(payload.Payload, transmitterStatus, Motivos.Text(transmitterStatus));
        }

        return service.Handle(new ServiceRequest(payload.Payload, certificate, cnpj!) { Svc = svc });
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task WriteFaultAsync(HttpContext context, ExchangeRecord exchange, int status, string code, string reason)
    {
        context.Response.StatusCode = status;
        await WriteAsync(context, SoapEnvelopeWriter.ContentType, SoapEnvelopeWriter.Fault(code, reason));
        Record(exchange with { HttpStatus = status, Fault = exchange.Fault ?? code });
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Adds the exchange to the log, or updates it when it is there already (its id is set).</summary>
    private ExchangeRecord Record(ExchangeRecord exchange, bool final = true)
    {
        var stored = exchange.Id == 0 ? _exchanges.Add(exchange) : _exchanges.Update(exchange);
        if (final)
        {
            Log.Exchange(_logger, stored.Id, stored.Service, stored.TransmitterCnpj, string.Join(',', stored.cStat), stored.Fault,
                stored.HttpStatus);
        }

        return stored;
    }
}
