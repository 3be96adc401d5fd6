using System.Globalization;
using System.Xml;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;
using Tss.Sefaz.Simulator.Hosting;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Inutilizacao;

/// <summary>
/// NFeInutilizacao4 (inutNFe → retInutNFe): schema (215), environment (252), signature and signer (297, 298, 290–293,
/// 213), year (453/454), range order (224) and size (201), then the base: same range already voided (563), overlapping a
/// voided range (256), a number already used (241); otherwise 102 and the range is voided, so a later NF-e with one of
/// its numbers gets 206.
/// </summary>
public sealed class InutilizacaoService(SimulatorOptions options, LotEngine engine, FaultRegistry faults, AuthorizationStore authorizations,
    NumberSequences numbers, SimulatorCertificates certificates) : ISimulatorService
{
    public string PayloadRoot => "inutNFe";

    public string WsdlService => "NFeInutilizacao4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inf = NfeXml.Child(request.Payload, "infInut");
        var cUF = NfeXml.Int(inf, "cUF") is int c and >= 11 and <= 53 ? c : options.DefaultcUF;
        if (faults.TakeParalysis(WsdlService, PayloadRoot, cUF) is { } paralysis)
        {
            return Build(cUF, paralysis.cStat, paralysis.xMotivo ?? Motivos.Text(paralysis.cStat), null);
        }
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "inutNFe_v4.00.xsd").IsValid)
        {
            return Build(cUF, 215, Motivos.Text(215), null);
        }
        if (NfeXml.Int(inf, "tpAmb") != options.Environment)
        {
            return Build(cUF, 252, Motivos.Text(252), null);
        }

        var now = engine.Now;
        var cnpj = NfeXml.Text(inf, "CNPJ")!;
        var signature = SignedUnitChecks.Check(request.Payload, "infInut", cnpj, null, now, certificates.ClientCa);
        if (signature != 0)
        {
            return Build(cUF, signature, Motivos.Text(signature), null);
        }

        var ano = NfeXml.Int(inf, "ano")!.Value;
        var ini = NfeXml.Int(inf, "nNFIni")!.Value;
        var fin = NfeXml.Int(inf, "nNFFin")!.Value;
        var rule = ano > now.ToOffset(TimeSpan.FromHours(-3)).Year % 100 ? 453
            : ano < 6 ? 454
            : ini > fin ? 224
            : fin - ini + 1 > options.MaxVoidRange ? 201
            : 0;
        if (rule != 0)
        {
            return Build(cUF, rule, Motivos.Text(rule), null);
        }

        // A lot that became due since the last call must count as used numbers.
        engine.CatchUp();
        var nProt = numbers.NextProtocol(cUF, now);
        var range = new VoidedRange(cUF, ano, cnpj, NfeXml.Int(inf, "mod")!.Value, NfeXml.Int(inf, "serie")!.Value, ini, fin, nProt, now);
        var conflict = authorizations.TryVoid(range);
        return conflict != 0
            ? Build(cUF, conflict, Motivos.Text(conflict), null)
            : Build(cUF, 102, Motivos.Text(102), range);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo) =>
        Build(NfeXml.Int(NfeXml.Child(payload, "infInut"), "cUF") is int c and >= 11 and <= 53 ? c : options.DefaultcUF, cStat, xMotivo, null);

    private ServiceAnswer Build(int cUF, int cStat, string xMotivo, VoidedRange? voided)
    {
        using var w = new RetWriter("retInutNFe");
        w.Start("infInut");
        if (voided is not null)
        {
            w.Xml.WriteAttributeString("Id", "ID" + voided.nProt);
        }
        w.Element("tpAmb", options.Environment).Element("verAplic", options.VerAplic).Element("cStat", cStat)
            .Element("xMotivo", xMotivo).Element("cUF", cUF);
        if (voided is not null)
        {
            w.Element("ano", voided.ano.ToString("00", CultureInfo.InvariantCulture)).Element("CNPJ", voided.CNPJ)
                .Element("mod", voided.mod).Element("serie", voided.serie).Element("nNFIni", voided.nNFIni).Element("nNFFin", voided.nNFFin)
                .Element("dhRecbto", voided.dhRecbto).Element("nProt", voided.nProt);
        }
        else
        {
            w.Element("dhRecbto", engine.Now);
        }
        w.End();
        return new ServiceAnswer(w.Finish(), [cStat]);
    }
}
