namespace Tss.Contracts.Refusals;

/// <summary>Why a request was refused, for the HTTP status the host answers.</summary>
public enum RefusalKind
{
    /// <summary>Malformed or out-of-range input (400).</summary>
    Invalid,
    /// <summary>The document, event or record does not exist for this tenant and entity (404).</summary>
    NotFound,
    /// <summary>The request is valid but the document's state does not allow it (409).</summary>
    Conflict,
    /// <summary>SEFAZ could not be reached or gave no usable answer (502/504).</summary>
    SefazUnavailable,
}
