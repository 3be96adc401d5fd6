using System.Text;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Internal;

/// <summary>The SOAP 1.2 envelope SEFAZ expects (no header for 4.00) and the reading of its answers.</summary>
internal static class SoapEnvelope
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>
    /// Wraps the payload unchanged: SEFAZ rejects formatting between tags (588) and prefixes on payload elements (404),
    /// so the payload is inserted as text, never re-serialized. DistDFe nests nfeDadosMsg one level deeper.
    /// </summary>
    public static string Build(SefazService service, string payload)
    {
        var body = StripDeclaration(payload);
        var ns = NfeNamespaces.WsdlBase + service;
        var content = service == SefazService.NFeDistribuicaoDFe
            ? $"<nfeDistDFeInteresse xmlns=\"{ns}\"><nfeDadosMsg>{body}</nfeDadosMsg></nfeDistDFeInteresse>"
            : $"<nfeDadosMsg xmlns=\"{ns}\">{body}</nfeDadosMsg>";
        return new StringBuilder()
            .Append("<soap12:Envelope xmlns:soap12=\"").Append(NfeNamespaces.Soap12).Append("\"><soap12:Body>")
            .Append(content)
            .Append("</soap12:Body></soap12:Envelope>")
            .ToString();
    }

    /// <summary>The Body element, or null when the document is not a SOAP envelope.</summary>
    public static XmlElement? Body(XmlDocument document)
    {
        var envelope = document.DocumentElement;
        if (envelope is null || envelope.LocalName != "Envelope" || !IsSoap(envelope.NamespaceURI))
        {
            return null;
        }
        return Children(envelope).FirstOrDefault(e => e.LocalName == "Body" && e.NamespaceURI == envelope.NamespaceURI);
    }

    /// <summary>The fault reason text when the body is a SOAP fault (1.2 Reason/Text, or 1.1 faultstring).</summary>
    public static string? FaultReason(XmlElement body)
    {
        var fault = Children(body).FirstOrDefault(e => e.LocalName == "Fault" && IsSoap(e.NamespaceURI));
        if (fault is null)
        {
            return null;
        }
        var reason = Children(fault).FirstOrDefault(e => e.LocalName == "Reason");
        var text = reason is not null
            ? Children(reason).FirstOrDefault(e => e.LocalName == "Text")?.InnerText ?? reason.InnerText
            : Children(fault).FirstOrDefault(e => e.LocalName == "faultstring")?.InnerText;
        return string.IsNullOrWhiteSpace(text) ? "(no reason given)" : text.Trim();
    }

    /// <summary>
    /// The answer element: the first element in the NF-e namespace under the result wrapper (nfeResultMsg, or
    /// nfeDistDFeInteresseResponse/nfeDistDFeInteresseResult). Authorizers differ in wrapper names, so only the depth is
    /// bounded, not the wrapper name.
    /// </summary>
    public static XmlElement? Answer(XmlElement body)
    {
        var level = Children(body).ToList();
        for (var depth = 0; depth < 3 && level.Count > 0; depth++)
        {
            var answer = level.FirstOrDefault(e => e.NamespaceURI == NfeNamespaces.Nfe);
            if (answer is not null)
            {
                return answer;
            }
            level = [.. level.SelectMany(Children)];
        }
        return null;
    }

    private static bool IsSoap(string ns) => ns is NfeNamespaces.Soap12 or Soap11;

    private static IEnumerable<XmlElement> Children(XmlElement parent) => parent.ChildNodes.OfType<XmlElement>();

    private static string StripDeclaration(string payload)
    {
        var text = payload.TrimStart('\uFEFF');
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.IndexOf("?>", StringComparison.Ordinal);
            text = end < 0 ? text : text[(end + 2)..].TrimStart();
        }
        return text;
    }
}
