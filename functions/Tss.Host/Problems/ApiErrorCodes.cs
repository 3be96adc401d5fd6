using Tss.Pipeline;
using Tss.Protocol;

namespace Tss.Host.Problems;

/// <summary>
/// Stable codes of request-level errors (the <c>code</c> extension of every ProblemDetails and the SOAP fault code).
/// Document-level refusals use the pipeline's codes (<see cref="Tss.Pipeline.PipelineErrorCodes.Ingest"/>) and
/// <see cref="Tss.Protocol.ProtocolErrorCodes.Xml"/>.
/// </summary>
public static class ApiErrorCodes
{
    public const string MissingApiKey = "auth.missing_key";
    public const string InvalidApiKey = "auth.invalid_key";
    /// <summary>The client spent its failed API-key attempts for the window (429 with Retry-After).</summary>
    public const string TooManyFailedKeys = "auth.too_many_failures";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string BodyTooLarge = "request.too_large";
    public const string MalformedJson = "request.malformed_json";
    public const string InvalidErpId = "request.invalid_erp_id";

    /// <summary>A contingency query or override names no valid authorizer (UF, mod 55/65, tpAmb 1/2).</summary>
    public const string InvalidContingencyAuthorizer = "contingency.invalid_authorizer";
    /// <summary>The EPEC override is an entity's choice; an authorizer (a whole UF) takes only None/Force/Forbid.</summary>
    public const string ContingencyEpecEntityOnly = "contingency.epec_entity_only";
    public const string ProcNotAvailable = "nfe.proc_not_available";
    /// <summary>A lot retry asked for a document whose lot is not stuck (running, restarting on its own, or finished).</summary>
    public const string LotNotStuck = "nfe.lot_not_stuck";
    public const string AllRefused = "nfe.all_refused";
    public const string IdempotencyKeyInvalid = "idempotency.invalid_key";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string IdempotencyInProgress = "idempotency.in_progress";
    public const string InvalidFilter = "list.invalid_filter";
    /// <summary>A date filter outside the range the service can hold (2000-01-01 to 2099-12-31) or from after to.</summary>
    public const string DateOutOfRange = "list.date_out_of_range";
    public const string MalformedSoap = "soap.malformed";
}
