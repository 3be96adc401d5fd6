using System.Xml;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>
/// Per-document contingency rules, after the other document checks: an SVC takes only its tpEmis (6 SVC-AN, 7 SVC-RS)
/// and model 55; a normal authorizer refuses tpEmis 6/7 (570); any tpEmis ≠ 1 needs xJust (557) and dhCont (558 when it
/// lies after the receipt). Codes and texts written from memory of the NF-e manual, not from a stored source.
/// </summary>
public static class ContingencyRules
{
    /// <summary>The document, with a rejection when a rule fails (an earlier rejection wins).</summary>
    /// <param name="svc">"SVC-AN"/"SVC-RS" when the request came to an SVC, null at the normal authorizer.</param>
    public static LotDocument Apply(XmlElement nfe, LotDocument document, string? svc, DateTimeOffset dhRecbto)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        ArgumentNullException.ThrowIfNull(document);
        if (document.RejectioncStat is not null)
        {
            return document;
        }

        var ide = NfeXml.Path(nfe, "infNFe", "ide");
        var tpEmis = NfeXml.Int(ide, "tpEmis") ?? 1;
        if (svc is not null && (tpEmis != SvcMap.TpEmis(svc) || document.mod != 55))
        {
            return Reject(document, 570, $"Rejeição: Tipo de Emissão inválido para a {svc} (aceita somente tpEmis {SvcMap.TpEmis(svc)}, modelo 55)");
        }

        if (svc is null && tpEmis is 6 or 7)
        {
            return Reject(document, 570, "Rejeição: Tipo de Emissão 3, 6 ou 7 só é válido nas contingências SCAN/SVC");
        }

        if (tpEmis != 1 && string.IsNullOrWhiteSpace(NfeXml.Text(ide, "xJust")))
        {
            return Reject(document, 557, "Rejeição: A Justificativa de entrada em contingência deve ser informada");
        }

        if (tpEmis != 1 && (!DateTimeOffset.TryParse(NfeXml.Text(ide, "dhCont"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var dhCont) || dhCont > dhRecbto.AddMinutes(5)))
        {
            return Reject(document, 558, "Rejeição: Data de entrada em contingência posterior a data de recebimento");
        }

        return document;
    }

    private static LotDocument Reject(LotDocument document, int cStat, string xMotivo) =>
        document with { RejectioncStat = cStat, RejectionxMotivo = xMotivo };
}
