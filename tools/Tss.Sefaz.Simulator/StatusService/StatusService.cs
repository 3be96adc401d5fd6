using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.StatusService;

/// <summary>NFeStatusServico4 (consStatServ → retConsStatServ): 107 with tMed, or 108/109 during a paralysis window.</summary>
public sealed class StatusService(SimulatorOptions options, TimeProvider time, FaultRegistry faults) : ISimulatorService
{
    public string PayloadRoot => "consStatServ";

    public string WsdlService => "NFeStatusServico4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cUF = RequestcUF(request.Payload);
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "consStatServ_v4.00.xsd").IsValid)
        {
            return Build(cUF, 215, Motivos.Text(215), tMed: false);
        }

        if (NfeXml.Int(request.Payload, "tpAmb") != options.Environment)
        {
            return Build(cUF, 252, Motivos.Text(252), tMed: false);
        }

        if (faults.TakeParalysis(WsdlService, PayloadRoot, cUF) is { } paralysis)
        {
            return Build(cUF, paralysis.cStat, paralysis.xMotivo ?? Motivos.Text(paralysis.cStat), tMed: false);
        }

        return Build(cUF, 107, Motivos.Text(107), tMed: true);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) =>
        Build(payload is null ? options.DefaultcUF : RequestcUF(payload), cStat, xMotivo, tMed: false);

    private int RequestcUF(XmlElement payload) =>
        NfeXml.Int(payload, "cUF") is int cUF and >= 11 and <= 53 ? cUF : options.DefaultcUF;

    private ServiceAnswer Build(int cUF, int cStat, string xMotivo, bool tMed)
    {
        using var w = new RetWriter("retConsStatServ");
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cStat", cStat)
            .Element("xMotivo", xMotivo).Element("cUF", cUF).Element("dhRecbto", SefazTime.Truncate(time.GetUtcNow()));
        if (tMed)
        {
            w.Element("tMed", options.TMedSeconds);
        }

        return new ServiceAnswer(w.Finish(), [cStat]);
    }
}
