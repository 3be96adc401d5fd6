using System.Xml;

namespace Tss.Sefaz.Simulator.Soap.Internal;

/// <summary>The payload element found in a SOAP request (null when nfeDadosMsgZip failed to decompress).</summary>
internal sealed record SoapPayload(XmlElement? Payload, bool Zipped, bool ZipFailed);
