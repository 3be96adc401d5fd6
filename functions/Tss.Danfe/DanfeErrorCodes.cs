namespace Tss.Danfe;

/// <summary>Stable, machine-readable codes of a refused DANFE (no PDF is produced for any of them).</summary>
public static class DanfeErrorCodes
{
    /// <summary>The input is not well-formed UTF-8 XML, carries a DTD, is empty or too large.</summary>
    public const string MalformedXml = "danfe.malformed_xml";
    /// <summary>The root is not nfeProc (or NFe inside it is missing).</summary>
    public const string NotProcNFe = "danfe.not_procnfe";
    /// <summary>The protNFe is missing or does not authorize the use of the NF-e (cStat other than 100/150).</summary>
    public const string NotAuthorized = "danfe.not_authorized";
    /// <summary>The protNFe answers another access key than infNFe@Id.</summary>
    public const string KeyMismatch = "danfe.key_mismatch";
    /// <summary>A field the DANFE must print is missing or unreadable (e.g. no emitente, no items, a bad number).</summary>
    public const string InvalidContent = "danfe.invalid_content";
    /// <summary>The model is neither 55 (NF-e) nor 65 (NFC-e).</summary>
    public const string UnsupportedModel = "danfe.unsupported_model";
}
