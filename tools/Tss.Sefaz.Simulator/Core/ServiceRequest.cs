using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>A request reaching a service: the payload root element and who transmitted it.</summary>
/// <param name="Payload">The element inside nfeDadosMsg (already decompressed for nfeDadosMsgZip).</param>
/// <param name="TransmitterCnpj">CNPJ of the TLS client certificate (checked before services run).</param>
public sealed record ServiceRequest(XmlElement Payload, X509Certificate2? Transmitter, string TransmitterCnpj)
{
    /// <summary>"SVC-AN"/"SVC-RS" when the request came to a contingency authorizer's path; null at the normal authorizer.</summary>
    public string? Svc { get; init; }
}
