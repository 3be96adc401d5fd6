using System.Text;
using System.Xml;
using Tss.Protocol.Messages;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Soap.Internal;

/// <summary>Writes SOAP 1.2 answers: nfeResultMsg around a ret element, or a Fault.</summary>
internal static class SoapEnvelopeWriter
{
    /// <summary>The content type of every SOAP answer.</summary>
    public const string ContentType = "application/soap+xml; charset=utf-8";

    /// <summary>Envelope/Body/(the service's result wrapper)/ret, unformatted.</summary>
    public static string Result(ISimulatorService service, string retXml) =>
        $"<soap:Envelope xmlns:soap=\"{NfeNamespaces.Soap12}\"><soap:Body>{service.ResultBody(retXml)}</soap:Body></soap:Envelope>";

    /// <summary>A SOAP 1.2 Fault with code soap:Sender (or soap:Receiver) and the machine-readable error code in Detail.</summary>
    public static string Fault(string code, string reason, bool sender = true)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("soap", "Envelope", NfeNamespaces.Soap12);
            w.WriteStartElement("soap", "Body", NfeNamespaces.Soap12);
            w.WriteStartElement("soap", "Fault", NfeNamespaces.Soap12);
            w.WriteStartElement("soap", "Code", NfeNamespaces.Soap12);
            w.WriteElementString("soap", "Value", NfeNamespaces.Soap12, sender ? "soap:Sender" : "soap:Receiver");
            w.WriteEndElement();
            w.WriteStartElement("soap", "Reason", NfeNamespaces.Soap12);
            w.WriteStartElement("soap", "Text", NfeNamespaces.Soap12);
            w.WriteAttributeString("xml", "lang", null, "en");
            w.WriteString(reason);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("soap", "Detail", NfeNamespaces.Soap12);
            w.WriteElementString("errorCode", "urn:tss:simulator", code);
            w.WriteEndDocument();
        }

        return text.ToString();
    }
}
