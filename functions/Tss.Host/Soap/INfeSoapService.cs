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

    /// <summary>
    /// The DANFE of an authorized NF-e (PDF, base64 in the message); for an NFC-e <paramref name="paper"/> 58 asks for the
    /// 58 mm roll (0 or 80: 80 mm). Faults: nfe.not_found, nfe.not_authorized (409), danfe.* (422).
    /// </summary>
    [OperationContract]
    Task<byte[]> DownloadDanfe(string cnpj, string chNFe, int paper);

    /// <summary>Requests the cancellation (110111) of an authorized NF-e; the event is sent in the background (poll GetEvents).</summary>
    [OperationContract]
    Task<SoapEvent> Cancel(string cnpj, string chNFe, string xJust);

    /// <summary>Requests a carta de correção (110110); nSeqEvento is assigned by the service (up to 20).</summary>
    [OperationContract]
    Task<SoapEvent> CorrectionLetter(string cnpj, string chNFe, string xCorrecao);

    /// <summary>The events of an NF-e.</summary>
    [OperationContract]
    Task<SoapEvent[]> GetEvents(string cnpj, string chNFe);

    /// <summary>Voids a range of never-used numbers (answered synchronously).</summary>
    [OperationContract]
    Task<SoapInutilizacao> Inutilize(string cnpj, int serie, int nNFIni, int nNFFin, string xJust);

    /// <summary>NFeConsultaProtocolo4 of a key of the entity.</summary>
    [OperationContract]
    Task<SoapProtocolConsultation> ConsultProtocol(string cnpj, string chNFe);

    /// <summary>NFeStatusServico4 of the entity's authorizer (asked at most once per 3 minutes).</summary>
    [OperationContract]
    Task<SoapServiceStatus> ServiceStatus(string cnpj);

    /// <summary>CadConsultaCadastro4 by exactly one of <paramref name="cnpjConsultado"/>, <paramref name="cpf"/> or <paramref name="ie"/>.</summary>
    [OperationContract]
    Task<SoapCadastro> ConsultCadastro(string cnpj, string? uf, string? cnpjConsultado, string? cpf, string? ie);
}
