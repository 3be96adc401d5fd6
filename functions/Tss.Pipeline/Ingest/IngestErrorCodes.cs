namespace Tss.Pipeline.Ingest;

/// <summary>Stable machine-readable codes for documents refused at ingest (never sent, never debited).</summary>
public static class IngestErrorCodes
{
    public const string NoDocuments = "nfe.no_documents";
    public const string TooManyDocuments = "nfe.too_many_documents";
    public const string NotAnNFe = "nfe.not_an_nfe";
    public const string KeyInconsistent = "nfe.key_inconsistent";
    public const string EmitterMismatch = "nfe.emitter_mismatch";
    public const string EnvironmentMismatch = "nfe.environment_mismatch";
    public const string ModelUnsupported = "nfe.model_unsupported";
    public const string NfceContingencyUnsupported = "nfce.contingency_unsupported";
    public const string SchemaInvalid = "nfe.schema_invalid";
    public const string InFlight = "nfe.in_flight";
    public const string UnknownEntity = "entity.not_found";
}
