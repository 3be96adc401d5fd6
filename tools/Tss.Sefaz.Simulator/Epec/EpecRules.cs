using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Reference;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Hosting;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>
/// The Ambiente Nacional's checks for one EPEC (110140), in order; the first failure is its cStat: schema (493),
/// environment (252), Id (572), key check digit (236), cOrgaoAutor ≠ the key's UF (455), signature and signer
/// (297/298/29x/213), author ≠ emitter (574), key not tpEmis 4 (484), dhEvento in the future (578), the key or its
/// number already an NF-e at SEFAZ (661), the key already has an EPEC (573), another key with the same number has one
/// (485). Otherwise 136 ("registrado, mas não vinculado a NF-e": the NF-e comes later) and the EPEC is registered.
/// Codes from sped-nfe's cStat list (docs/cStat.md); which check comes first is the simulator's choice.
/// </summary>
internal sealed partial class EpecRules(SimulatorOptions options, AuthorizationStore authorizations, EpecRegistry registry,
    NumberSequences numbers, SimulatorCertificates certificates)
{
    private readonly Lock _gate = new();

    public (string chNFe, int cStat, string Xml) Process(XmlElement evento, DateTimeOffset now)
    {
        var inf = NfeXml.Child(evento, "infEvento");
        var chNFe = NfeXml.Text(inf, "chNFe") is { } text && KeyShape().IsMatch(text) ? text : new string('0', 44);
        var author = NfeXml.Text(inf, "CNPJ");
        var cStat = Check(evento, inf, chNFe, author, now);
        if (cStat != 0)
        {
            return (chNFe, cStat, EpecReply.RetEvento(options, chNFe, cStat, null, now));
        }

        lock (_gate)
        {
            cStat = Conflicts(chNFe);
            if (cStat != 0)
            {
                return (chNFe, cStat, EpecReply.RetEvento(options, chNFe, cStat, null, now));
            }

            var nProt = numbers.NextProtocol(UfCodes.AmbienteNacional, now);
            var ret = EpecReply.RetEvento(options, chNFe, 136, nProt, now);
            var declared = Declared(inf!, chNFe, author);
            registry.TryAdd(new EpecRecord(chNFe, EpecRegistry.NumberingOf(chNFe), nProt, now, declared,
                NfeProcs.ProcEventoNFe(evento.OuterXml, ret)));
            return (chNFe, 136, ret);
        }
    }

    private int Check(XmlElement evento, XmlElement? inf, string chNFe, string? author, DateTimeOffset now)
    {
        if (!NfeSchemas.Shared.Validate(evento.OuterXml, "EPEC_v1.00.xsd").IsValid)
        {
            return 493;
        }
        if (NfeXml.Int(inf, "tpAmb") != options.Environment)
        {
            return 252;
        }
        if (inf!.GetAttribute("Id") != NfeRequests.EventId(NfeRequests.TpEventoEpec, chNFe, NfeXml.Int(inf, "nSeqEvento") ?? 1))
        {
            return 572;
        }
        if (!AccessKey.TryParse(chNFe, out var key, out _))
        {
            return 236;
        }
        if (NfeXml.Int(inf, "detEvento", "cOrgaoAutor") != key.Parts.cUF)
        {
            return 455;
        }
        var signature = SignedUnitChecks.Check(evento, "infEvento", author, NfeXml.Text(inf, "CPF"), now, certificates.ClientCa);
        if (signature != 0)
        {
            return signature;
        }
        if ((author ?? NfeXml.Text(inf, "CPF")?.PadLeft(14, '0')) != chNFe.Substring(6, 14))
        {
            return 574;
        }
        if (key.tpEmis != EpecData.TpEmisEpec)
        {
            return 484;
        }
        var dhEvento = DateTimeOffset.Parse(NfeXml.Text(inf, "dhEvento")!, CultureInfo.InvariantCulture);
        return dhEvento > now + options.EventClockTolerance ? 578 : 0;
    }

    private int Conflicts(string chNFe)
    {
        var numbering = EpecRegistry.NumberingOf(chNFe);
        if (authorizations.Find(chNFe) is not null || authorizations.FindByNumbering(numbering) is not null)
        {
            return 661;
        }
        if (registry.Find(chNFe) is not null)
        {
            return 573;
        }
        return registry.FindByNumbering(numbering) is not null ? 485 : 0;
    }

    private static EpecData Declared(XmlElement inf, string chNFe, string? author)
    {
        var det = NfeXml.Child(inf, "detEvento");
        var dest = NfeXml.Child(det, "dest");
        var destElement = new[] { "CNPJ", "CPF", "idEstrangeiro" }.First(n => NfeXml.Child(dest, n) is not null);
        return new EpecData(chNFe, NfeXml.Int(inf, "tpAmb") ?? 0, author ?? NfeXml.Text(inf, "CPF")!, NfeXml.Int(det, "cOrgaoAutor") ?? 0,
            NfeXml.Text(det, "dhEmi")!, NfeXml.Int(det, "tpNF") ?? 0, NfeXml.Text(det, "IE")!, NfeXml.Text(dest, "UF")!, destElement,
            NfeXml.Text(dest, destElement)!, NfeXml.Text(dest, "IE"), NfeXml.Text(dest, "vNF")!, NfeXml.Text(dest, "vICMS")!,
            NfeXml.Text(dest, "vST")!);
    }

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex KeyShape();
}
