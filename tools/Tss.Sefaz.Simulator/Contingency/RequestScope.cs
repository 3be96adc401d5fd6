using System.Globalization;
using System.Xml;
using Tss.Protocol.Reference;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>Which UF's authorizer (and model, when the request says) a request is for, read from its payload.</summary>
public static class RequestScope
{
    /// <summary>(cUF, model) of the request; cUF null when the request is for no UF authorizer (AN events, DistDFe), 91
    /// for the Ambiente Nacional's EPEC service (so that an outage of "AN" takes it down).</summary>
    public static (int? cUF, int? Model) Of(XmlElement payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.LocalName switch
        {
            "consStatServ" => (Uf(NfeXml.Int(payload, "cUF")), null),
            "enviNFe" => NfeXml.Children(payload, "NFe").Select(n => NfeXml.Path(n, "infNFe", "ide")).FirstOrDefault() is { } ide
                ? (Uf(NfeXml.Int(ide, "cUF")), NfeXml.Int(ide, "mod"))
                : (null, null),
            "consReciNFe" => (Prefix(NfeXml.Text(payload, "nRec")), null),
            "consSitNFe" => Key(NfeXml.Text(payload, "chNFe")),
            "envEvento" => Event(NfeXml.Children(payload, "evento").Select(e => NfeXml.Child(e, "infEvento")).FirstOrDefault()),
            "inutNFe" => (Uf(NfeXml.Int(payload, "infInut", "cUF")), NfeXml.Int(payload, "infInut", "mod")),
            "ConsCad" => (NfeXml.Text(payload, "infCons", "UF") is { } uf && UfCodes.All.Contains(uf) ? UfCodes.ToCode(uf) : null, null),
            _ => (null, null),
        };
    }

    private static (int?, int?) Event(XmlElement? inf) =>
        inf is null ? (null, null)
        : NfeXml.Int(inf, "cOrgao") != UfCodes.AmbienteNacional ? Key(NfeXml.Text(inf, "chNFe"))
        : NfeXml.Text(inf, "tpEvento") == Tss.Protocol.Messages.NfeRequests.TpEventoEpec ? (UfCodes.AmbienteNacional, null)
        : (null, null);

    private static int? Uf(int? cUF) => cUF is { } c && UfCodes.IsUf(c) ? c : null;

    private static int? Prefix(string? text) =>
        text is { Length: >= 2 } && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Uf(c) : null;

    private static (int?, int?) Key(string? chNFe) =>
        chNFe is { Length: 44 }
            ? (Prefix(chNFe), int.TryParse(chNFe.AsSpan(20, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null)
            : (null, null);
}
