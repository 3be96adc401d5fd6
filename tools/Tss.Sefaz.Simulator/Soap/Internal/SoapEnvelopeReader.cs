using System.IO.Compression;
using System.Xml;
using Tss.Protocol;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Sefaz.Simulator.Soap.Internal;

/// <summary>
/// Finds the payload of a SOAP 1.2 request: Envelope/[Header]/Body/nfeDadosMsg/&lt;payload&gt; (one extra wrapper level is
/// accepted, as DistDFe uses), or the Base64(GZip(enviNFe)) text of nfeDadosMsgZip.
/// </summary>
internal static class SoapEnvelopeReader
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>Reads the payload; <see cref="SoapPayload.ZipFailed"/> when nfeDadosMsgZip does not decompress.</summary>
    public static SoapPayload Read(XmlDocument envelope, int maxBytes)
    {
        var root = envelope.DocumentElement;
        if (root is null || root.LocalName != "Envelope" || root.NamespaceURI is not (NfeNamespaces.Soap12 or Soap11))
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.UnexpectedRoot, "The message is not a SOAP 1.2 envelope.");
        }

        var body = Elements(root).FirstOrDefault(e => e.LocalName == "Body" && e.NamespaceURI == root.NamespaceURI)
            ?? throw new XmlInputException(ProtocolErrorCodes.Xml.UnexpectedRoot, "The envelope has no Body.");
        var message = Elements(body).FirstOrDefault()
            ?? throw new XmlInputException(ProtocolErrorCodes.Xml.UnexpectedRoot, "The Body is empty.");
        if (message.LocalName is not ("nfeDadosMsg" or "nfeDadosMsgZip"))
        {
            message = Elements(message).FirstOrDefault(e => e.LocalName is "nfeDadosMsg" or "nfeDadosMsgZip") ?? message;
        }

        if (message.LocalName == "nfeDadosMsgZip")
        {
            return Unzip(message.InnerText, maxBytes);
        }

        if (message.LocalName != "nfeDadosMsg")
        {
            throw new XmlInputException(ProtocolErrorCodes.Xml.UnexpectedRoot, $"Unexpected Body element '{message.LocalName}'.");
        }

        var payload = Elements(message).FirstOrDefault()
            ?? throw new XmlInputException(ProtocolErrorCodes.Xml.UnexpectedRoot, "nfeDadosMsg carries no payload element.");
        return new SoapPayload(payload, Zipped: false, ZipFailed: false);
    }

    private static SoapPayload Unzip(string base64, int maxBytes)
    {
        try
        {
            var compressed = Convert.FromBase64String(base64.Trim());
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                // A zip bomb must not exhaust memory: stop at the same cap as a plain message.
                if (output.Length + read > maxBytes)
                {
                    return new SoapPayload(null, Zipped: true, ZipFailed: true);
                }

                output.Write(buffer, 0, read);
            }

            var document = SafeXml.Load(output.ToArray(), maxBytes);
            return new SoapPayload(document.DocumentElement, Zipped: true, ZipFailed: document.DocumentElement is null);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or XmlInputException)
        {
            return new SoapPayload(null, Zipped: true, ZipFailed: true);
        }
    }

    private static IEnumerable<XmlElement> Elements(XmlElement parent) => parent.ChildNodes.OfType<XmlElement>();
}
