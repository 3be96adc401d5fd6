namespace Tss.Host.Soap;

/// <summary>Namespace of the SOAP contract and its fault detail.</summary>
public static class SoapNamespaces
{
    public const string Nfe = "urn:tss-functions:nfe:v1";
}
