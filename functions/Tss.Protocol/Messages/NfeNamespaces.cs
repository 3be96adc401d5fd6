namespace Tss.Protocol.Messages;

/// <summary>XML namespaces of the NF-e payloads and of the SOAP services.</summary>
public static class NfeNamespaces
{
    public const string Nfe = "http://www.portalfiscal.inf.br/nfe";
    public const string WsdlBase = "http://www.portalfiscal.inf.br/nfe/wsdl/";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
}
