using System.ServiceModel;

namespace Tss.Host.Soap;

/// <summary>
/// The SOAP face of the API for ERPs that integrate the TSS way (SOAP 1.1, XmlSerializer): the same operations and
/// the same error codes as REST, authenticated by the same API key (HTTP header Authorization: Bearer or X-Api-Key).
/// Errors are SOAP faults whose detail (TssFault: Code, Message) carries the stable code.
/// </summary>
[ServiceContract(Namespace = SoapNamespaces.Nfe, Name = "NfeService")]
public interface INfeSoapService
{
    /// <summary>Submits one or more NFe of entity <paramref name="cnpj"/>.</summary>
    [OperationContract]
    Task<SoapSubmitResult> Submit(string cnpj, SoapDocument[] documents, bool sync);

    /// <summary>Status by access key.</summary>
    [OperationContract]
    Task<SoapDocumentStatus> GetStatus(string cnpj, string chNFe);

    /// <summary>Status by the ERP's own id.</summary>
    [OperationContract]
    Task<SoapDocumentStatus> GetStatusByErpId(string cnpj, string erpId);

    /// <summary>The XML of a document: <paramref name="kind"/> "signed" (the signed NFe) or "procNFe" (after authorization).</summary>
    [OperationContract]
    Task<string> DownloadXml(string cnpj, string chNFe, string kind);
}
