using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>
/// One SEFAZ web service of the simulator, chosen by the payload root inside nfeDadosMsg. A new service (events,
/// inutilização, DistDFe) is a new folder with one implementation registered in DI; the SOAP layer does not change.
/// </summary>
public interface ISimulatorService
{
    /// <summary>The request root this service answers, e.g. "enviNFe".</summary>
    string PayloadRoot { get; }

    /// <summary>The WSDL service name, e.g. "NFeAutorizacao4" (namespace of nfeResultMsg, fault scoping).</summary>
    string WsdlService { get; }

    /// <summary>Processes a request and builds the ret element.</summary>
    ServiceAnswer Handle(ServiceRequest request);

    /// <summary>
    /// A ret element carrying only a message-level status (214, 280–286, 416…), built from whatever of the payload is
    /// readable (<paramref name="payload"/> may be null).
    /// </summary>
    ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo);

    /// <summary>
    /// The content of soap:Body around the ret element: nfeResultMsg in the WSDL namespace for the 4.00 services;
    /// DistDFe overrides it with nfeDistDFeInteresseResponse/nfeDistDFeInteresseResult.
    /// </summary>
    string ResultBody(string retXml) => $"<nfeResultMsg xmlns=\"{NfeNamespaces.WsdlBase}{WsdlService}\">{retXml}</nfeResultMsg>";
}
