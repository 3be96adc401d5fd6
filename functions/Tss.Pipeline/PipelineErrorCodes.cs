namespace Tss.Pipeline;

/// <summary>The error-code catalogue of Tss.Pipeline: every stable code this project raises, one group per area. A code
/// string is declared once in the whole product (ErrorCodeCatalogueTests).</summary>
public static class PipelineErrorCodes
{
    /// <summary>Stable machine-readable codes for documents refused at ingest (never sent, never debited).</summary>
    public static class Ingest
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
        public const string ContingencyNotAllowed = "contingency.not_allowed";
        public const string ContingencyWrongSvc = "contingency.wrong_svc";
        public const string ContingencyDhContMissing = "contingency.dhcont_missing";
        public const string ContingencyXJustMissing = "contingency.xjust_missing";

        /// <summary>The document's number (CNPJ, model, series, number, environment) is stored under another key with other content (409).</summary>
        public const string NumberTaken = "nfe.number_taken";
    }

    /// <summary>Stable codes of refused event, inutilização and consultation requests (nothing stored, nothing sent).</summary>
    public static class Events
    {
        public const string DocumentNotFound = "nfe.not_found";
        public const string NotAuthorized = "event.nfe_not_authorized";
        public const string DocumentCancelled = "event.nfe_cancelled";
        public const string CancelInProgress = "event.cancel_in_progress";
        public const string InvalidJustification = "event.invalid_justification";
        public const string InvalidCorrection = "event.invalid_correction";
        public const string SequenceExhausted = "event.sequence_exhausted";
        public const string EventNotFound = "event.not_found";
        public const string ProcNotAvailable = "event.proc_not_available";
        public const string InvalidEventType = "event.invalid_type";
        public const string InvalidInutilizacao = "inut.invalid_request";
        public const string InutilizacaoNotFound = "inut.not_found";
        public const string InutilizacaoInProgress = "inut.in_progress";
        public const string InvalidAccessKey = "nfe.invalid_key";
        public const string InvalidCadastroQuery = "cadastro.invalid_query";
        public const string InvalidModel = "request.invalid_mod";
        /// <summary>Prefix of SEFAZ transport failures ("sefaz.timeout", "sefaz.no_endpoint", …).</summary>
        public const string SefazPrefix = "sefaz.";
    }

    /// <summary>Codes of NFC-e off-line emission (tpEmis 9) refused at ingest.</summary>
    public static class Offline
    {
        public const string NotAllowed = "nfce.offline_not_allowed";
        public const string RequiresNfce = "nfe.offline_requires_nfce";
        public const string MissingDhCont = "nfce.offline_missing_dhcont";
        public const string MissingJustification = "nfce.offline_missing_justification";
        public const string DeadlinePassed = "nfce.offline_deadline_passed";
    }
}
