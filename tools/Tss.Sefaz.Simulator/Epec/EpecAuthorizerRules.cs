using System.Xml;
using Tss.Protocol.Messages;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>
/// What the normal authorizer checks against the Ambiente Nacional's EPECs, after the other document checks: an NF-e
/// with tpEmis 4 needs the EPEC of its key (468; 691 when the EPEC of its number has another key) and must carry what
/// the EPEC declared — tpNF, dhEmi, emitter IE, recipient UF/document/IE, vNF, vICMS, vST (467); an NF-e of any other
/// tpEmis whose number has an EPEC is refused (692). Codes from sped-nfe's cStat list (docs/cStat.md).
/// </summary>
public static class EpecAuthorizerRules
{
    /// <summary>The document, with a rejection when a rule fails (an earlier rejection wins).</summary>
    public static LotDocument Apply(XmlElement nfe, LotDocument document, EpecRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        if (document.RejectioncStat is not null || document.chNFe.Length != 44)
        {
            return document;
        }

        var tpEmis = NfeXml.Int(nfe, "infNFe", "ide", "tpEmis") ?? 1;
        var byNumber = registry.FindByNumbering(EpecRegistry.NumberingOf(document.chNFe));
        if (tpEmis != EpecData.TpEmisEpec)
        {
            return byNumber is null ? document
                : Reject(document, 692, $"Rejeição: Existe EPEC registrado para esta Série e Número [Chave EPEC: {byNumber.chNFe}]");
        }

        if (registry.Find(document.chNFe) is not { } epec)
        {
            return byNumber is null
                ? Reject(document, 468, Motivos.Text(468))
                : Reject(document, 691, Motivos.Text(691));
        }

        EpecData actual;
        try
        {
            actual = EpecData.FromNfe(nfe.OuterXml);
        }
        catch (MessageInputException)
        {
            return Reject(document, 467, Motivos.Text(467));
        }

        return Same(actual, epec.Declared) ? document : Reject(document, 467, Motivos.Text(467));
    }

    private static bool Same(EpecData a, EpecData b) =>
        a.TpNF == b.TpNF && a.DhEmi == b.DhEmi && a.IE == b.IE && a.DestUf == b.DestUf
        && a.DestDocumentElement == b.DestDocumentElement && a.DestDocument == b.DestDocument && a.DestIE == b.DestIE
        && Money(a.VNF) == Money(b.VNF) && Money(a.VICMS) == Money(b.VICMS) && Money(a.VST) == Money(b.VST);

    private static decimal Money(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static LotDocument Reject(LotDocument document, int cStat, string xMotivo) =>
        document with { RejectioncStat = cStat, RejectionxMotivo = xMotivo };
}
