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
}
