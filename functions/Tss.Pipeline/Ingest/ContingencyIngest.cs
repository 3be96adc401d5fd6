using System.Globalization;
using System.Xml;
using Tss.Pipeline.Contingency;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Ingest;

/// <summary>
/// The contingency part of preparing an NF-e (model 55), before it is signed: a document the ERP built for an SVC
/// (tpEmis 6/7) is checked (allowed in the UF, the UF's own SVC, dhCont and xJust present); a normal one (tpEmis 1) is
/// re-keyed into the SVC form (or EPEC, tpEmis 4, when the entity chose it) while in contingency (<see cref="ContingencyRekey"/>);
/// an EPEC NF-e the ERP built (tpEmis 4) is checked like the SVC forms.
/// </summary>
internal static class ContingencyIngest
{
    /// <summary>The key the document ends up with, or a refusal (code and Portuguese message).</summary>
    public static (string Key, string? Code, string? Message) Apply(XmlElement nfe, string key, string uf, IngestContingency contingency)
    {
        var ide = nfe["infNFe", NfeNamespaces.Nfe]?["ide", NfeNamespaces.Nfe];
        var tpEmis = ide?["tpEmis", NfeNamespaces.Nfe]?.InnerText;
        if (tpEmis == "4")
        {
            return EpecChecks(ide!, key, uf, contingency);
        }
        if (tpEmis is "6" or "7")
        {
            if (!contingency.Allowed)
            {
                return (key, PipelineErrorCodes.Ingest.ContingencyNotAllowed,
                    $"Emissão em contingência SVC (tpEmis {tpEmis}) não é permitida para a UF {uf} nesta configuração; emita com tpEmis 1.");
            }
            if (contingency.SvcTpEmis?.ToString(CultureInfo.InvariantCulture) != tpEmis)
            {
                var expected = contingency.SvcTpEmis is { } svc ? $"tpEmis {svc} ({(svc == 6 ? "SVC-AN" : "SVC-RS")})" : "nenhuma SVC";
                return (key, PipelineErrorCodes.Ingest.ContingencyWrongSvc,
                    $"tpEmis {tpEmis} não corresponde à contingência da UF {uf}: ela usa {expected}.");
            }
            if (string.IsNullOrWhiteSpace(ide!["dhCont", NfeNamespaces.Nfe]?.InnerText))
            {
                return (key, PipelineErrorCodes.Ingest.ContingencyDhContMissing,
                    "NF-e em contingência (tpEmis 6/7) sem dhCont: informe a data e hora de entrada em contingência.");
            }
            if (ide["xJust", NfeNamespaces.Nfe]?.InnerText.Trim() is not { Length: >= 15 and <= 256 })
            {
                return (key, PipelineErrorCodes.Ingest.ContingencyXJustMissing,
                    "NF-e em contingência (tpEmis 6/7) sem xJust válido: informe a justificativa de entrada em contingência (15 a 256 caracteres).");
            }
            return (key, null, null);
        }

        return tpEmis == "1" && contingency.Issue is { } issue
            ? (ContingencyRekey.Apply(nfe, issue.tpEmis, issue.dhCont, issue.xJust), null, null)
            : (key, null, null);
    }

    // An NF-e the ERP built for EPEC (tpEmis 4): allowed in the UF, with dhCont and xJust, like the SVC forms.
    private static (string Key, string? Code, string? Message) EpecChecks(XmlElement ide, string key, string uf, IngestContingency contingency)
    {
        if (!contingency.Allowed)
        {
            return (key, PipelineErrorCodes.Ingest.ContingencyNotAllowed,
                $"Emissão em contingência EPEC (tpEmis 4) não é permitida para a UF {uf} nesta configuração; emita com tpEmis 1.");
        }
        if (string.IsNullOrWhiteSpace(ide["dhCont", NfeNamespaces.Nfe]?.InnerText))
        {
            return (key, PipelineErrorCodes.Ingest.ContingencyDhContMissing,
                "NF-e em contingência EPEC (tpEmis 4) sem dhCont: informe a data e hora de entrada em contingência.");
        }
        if (ide["xJust", NfeNamespaces.Nfe]?.InnerText.Trim() is not { Length: >= 15 and <= 256 })
        {
            return (key, PipelineErrorCodes.Ingest.ContingencyXJustMissing,
                "NF-e em contingência EPEC (tpEmis 4) sem xJust válido: informe a justificativa de entrada em contingência (15 a 256 caracteres).");
        }
        return (key, null, null);
    }
}
