using System.Xml;
using Tss.Protocol.Reference;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Exchanges;
using Tss.Sefaz.Simulator.Soap.Internal;

namespace Tss.Sefaz.Simulator.Soap;

public sealed partial class SoapEndpoint
{
    private const string OutagePage =
        "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>";

    /// <summary>
    /// Outages and SVCs, before faults and processing. At a normal authorizer that is down, the status service answers
    /// 108/109 and every other service fails at transport: HTTP 503 with an HTML page, nothing processed. A path whose first
    /// segment is SVC-AN or SVC-RS reaches that SVC: only its services (SOAP Fault otherwise), 114 at message level when it
    /// does not serve the request's UF, 113 from its status service while it winds down.
    /// </summary>
    /// <returns>Handled when the answer went out here; Answer when it replaces processing; Svc for the services.</returns>
    private async Task<(bool Handled, ServiceAnswer? Answer, string? Svc)> GateAsync(HttpContext context, ExchangeRecord exchange,
        ISimulatorService service, XmlElement? payload)
    {
        var segment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var svc = SvcMap.Parse(segment);
        var (cUF, model) = payload is null ? (null, null) : RequestScope.Of(payload);
        if (svc is null)
        {
            if (cUF is not { } uf || _board.OutageFor(uf, model) is not { } outage)
            {
                return (false, null, null);
            }

            if (service.PayloadRoot == "consStatServ")
            {
                return (false, service.Reject(payload, outage.cStat, Motivos.Text(outage.cStat)), null);
            }

            Log.OutageRefused(_logger, service.WsdlService, outage.Uf);
            context.Response.StatusCode = 503;
            await WriteAsync(context, "text/html; charset=utf-8", OutagePage);
            Record(exchange with { HttpStatus = 503, Fault = "outage/" + outage.Uf });
            return (true, null, null);
        }

        if (!SvcMap.Offers(service.PayloadRoot))
        {
            await WriteFaultAsync(context, exchange with { Fault = svc }, 400, "svc.service_not_offered",
                $"{svc} does not offer {service.WsdlService}.");
            return (true, null, svc);
        }

        var status = cUF is { } c && SvcMap.For(c) == svc ? _board.SvcStatus(svc, c) : 114;
        return status switch
        {
            114 => (false, service.Reject(payload, 114, SvcMotivo(114, svc, cUF)), svc),
            113 when service.PayloadRoot == "consStatServ" => (false, service.Reject(payload, 113, SvcMotivo(113, svc, cUF)), svc),
            _ => (false, null, svc),
        };
    }

    private static string SvcMotivo(int cStat, string svc, int? cUF) => cStat == 113
        ? $"{svc} em processo de desativação: será desabilitada para a SEFAZ-{UfCodes.ToUf(cUF ?? 0)} em instantes"
        : $"{svc} desabilitada pela SEFAZ de Origem{(cUF is { } c ? "-" + UfCodes.ToUf(c) : "")}";
}
