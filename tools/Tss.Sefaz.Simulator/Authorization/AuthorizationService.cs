using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorization.Internal;
using Tss.Sefaz.Simulator.Contingency;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Hosting;
using Tss.Sefaz.Simulator.Lots;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Authorization;

/// <summary>NFeAutorizacao4 (enviNFe → retEnviNFe): lot schema, lot rules, per-document checks, then the lot engine.</summary>
public sealed class AuthorizationService : ISimulatorService
{
    private readonly SimulatorOptions _options;
    private readonly LotEngine _engine;
    private readonly FaultRegistry _faults;
    private readonly DocumentChecks _checks;
    private readonly Epec.EpecRegistry _epecs;

    public AuthorizationService(SimulatorOptions options, LotEngine engine, FaultRegistry faults, SimulatorCertificates certificates,
        CscRegistry cscs, Epec.EpecRegistry epecs)
    {
        _epecs = epecs;
        _options = options;
        _engine = engine;
        _faults = faults;
        _checks = new DocumentChecks(certificates, cscs);
    }

    public string PayloadRoot => "enviNFe";

    public string WsdlService => "NFeAutorizacao4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var enviNFe = request.Payload;
        var idLote = NfeXml.Text(enviNFe, "idLote");
        var nfes = NfeXml.Children(enviNFe, "NFe").ToList();
        var cUF = nfes.Select(n => NfeXml.Int(n, "infNFe", "ide", "cUF")).FirstOrDefault(c => c is >= 11 and <= 53)
            ?? _options.DefaultcUF;

        if (_faults.TakeParalysis(WsdlService, PayloadRoot, cUF) is { } paralysis)
        {
            return Lot(idLote, cUF, paralysis.cStat, paralysis.xMotivo ?? Motivos.Text(paralysis.cStat));
        }

        var schema = NfeSchemas.Shared.Validate(enviNFe.OuterXml, "enviNFe_v4.00.xsd");
        if (!schema.IsValid)
        {
            return Lot(idLote, cUF, 225, Motivos.Text(225));
        }

        var now = _engine.Now;
        var documents = nfes.Select(n => Epec.EpecAuthorizerRules.Apply(n, ContingencyRules.Apply(n, _checks.Check(n, now), request.Svc, now), _epecs))
            .ToList();
        var submission = new LotSubmission(idLote ?? "0", NfeXml.Text(enviNFe, "indSinc") == "1", request.TransmitterCnpj,
            cUF, documents);
        var receipt = _engine.Receive(submission);
        return Answer(submission, receipt);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) =>
        Lot(payload is null ? null : NfeXml.Text(payload, "idLote"), _options.DefaultcUF, cStat, xMotivo);

    private ServiceAnswer Answer(LotSubmission submission, LotReceipt receipt)
    {
        using var w = Header(receipt.cStat, receipt.xMotivo, receipt.cUF, receipt.dhRecbto);
        if (receipt.cStat == 103)
        {
            w.Start("infRec").Element("nRec", receipt.nRec!).Element("tMed", receipt.tMed!.Value).End();
        }
        else if (receipt.Sync is { } sync)
        {
            w.Raw(sync.ProtNFeXml);
        }

        List<int> statuses = [receipt.cStat];
        if (receipt.Sync is { } synced)
        {
            statuses.Add(synced.cStat);
        }

        return new ServiceAnswer(w.Finish(), statuses)
        {
            idLote = submission.idLote,
            nRec = receipt.nRec,
            chNFe = [.. submission.Documents.Select(d => d.chNFe)],
        };
    }

    private ServiceAnswer Lot(string? idLote, int cUF, int cStat, string xMotivo)
    {
        using var w = Header(cStat, xMotivo, cUF, _engine.Now);
        return new ServiceAnswer(w.Finish(), [cStat]) { idLote = idLote };
    }

    private RetWriter Header(int cStat, string xMotivo, int cUF, DateTimeOffset dhRecbto)
    {
        var w = new RetWriter("retEnviNFe");
        w.Element("tpAmb", _options.Environment).Element("verAplic", _options.VerAplic).Element("cStat", cStat)
            .Element("xMotivo", xMotivo).Element("cUF", cUF).Element("dhRecbto", dhRecbto);
        return w;
    }
}
