using System.Xml;

namespace Tss.Sefaz.Client;

/// <summary>A SEFAZ answer as received: the element inside the result wrapper and the whole response text.</summary>
/// <param name="Endpoint">Where the call went.</param>
/// <param name="Answer">The answer element (retEnviNFe, retConsReciNFe, …) in its parsed envelope.</param>
/// <param name="ResponseXml">The exact response text, from which protNFe and event texts are cut byte for byte.</param>
public sealed record SefazReply(SefazEndpoint Endpoint, XmlElement Answer, string ResponseXml);
