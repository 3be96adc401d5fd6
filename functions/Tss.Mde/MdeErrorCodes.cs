namespace Tss.Mde;

/// <summary>Stable codes of MD-e refusals (the <c>code</c> of API problems and of <see cref="MdeException"/>).</summary>
public static class MdeErrorCodes
{
    /// <summary>Blocked to avoid consumo indevido (block after 656, wait after 137, or the 20/h query cap).</summary>
    public const string Blocked = "mde.blocked";

    /// <summary>Another request of the same CNPJ is with SEFAZ right now.</summary>
    public const string Busy = "mde.busy";

    public const string InvalidChNFe = "mde.invalid_chnfe";
    public const string InvalidNsu = "mde.invalid_nsu";
    public const string InvalidQuery = "mde.invalid_query";
    public const string InvalidTpEvento = "mde.invalid_tpevento";
    public const string InvalidXJust = "mde.invalid_xjust";
    public const string InvalidModel = "mde.invalid_model";
    public const string DocumentNotFound = "mde.document_not_found";
    public const string SefazUnavailable = "mde.sefaz_unavailable";
    public const string DocZipInvalid = "mde.doczip_invalid";
    public const string DocZipTooLarge = "mde.doczip_too_large";

    /// <summary>The entity has no certificate of its own in the store: no MD-e for it (it has not proved the CNPJ).</summary>
    public const string CertificateRequired = "mde.certificate_required";

    /// <summary>Only a tenant holding the company's history (the first one or a granted one) or an operator decides.</summary>
    public const string SharingNotHolder = "mde.sharing_not_holder";

    /// <summary>No tenant with that id holds the CNPJ in this environment (or it is the first tenant).</summary>
    public const string SharingRequestNotFound = "mde.sharing_request_not_found";

    /// <summary>The history was granted (and copied); a grant cannot be taken back.</summary>
    public const string SharingAlreadyGranted = "mde.sharing_already_granted";

    public const string InvalidSharingDecision = "mde.invalid_sharing_decision";
}
