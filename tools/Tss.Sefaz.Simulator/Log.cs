using Microsoft.Extensions.Logging;

namespace Tss.Sefaz.Simulator;

/// <summary>Every log line of the simulator, source-generated, with stable event ids. Never logs documents or certificates.</summary>
internal static partial class Log
{
    /// <summary>Category of the host-level lines (start, TLS).</summary>
    public const string Category = "Tss.Sefaz.Simulator";

    [LoggerMessage(1, LogLevel.Information, "SEFAZ simulator listening: SOAP {SoapUri}, admin {AdminUri}, tpAmb {Environment}")]
    public static partial void Started(ILogger logger, Uri? soapUri, Uri? adminUri, int environment);

    [LoggerMessage(10, LogLevel.Information, "Exchange {Id}: {Service} from {TransmitterCnpj} answered cStat {CStat} (fault {Fault}, HTTP {HttpStatus})")]
    public static partial void Exchange(ILogger logger, long id, string? service, string? transmitterCnpj, string cStat, string? fault, int httpStatus);

    [LoggerMessage(11, LogLevel.Warning, "Request refused before dispatch: {Code}")]
    public static partial void RequestRefused(ILogger logger, string code);

    [LoggerMessage(12, LogLevel.Information, "Transmitter certificate refused by the application: cStat {CStat}")]
    public static partial void TransmitterRefused(ILogger logger, int cStat);

    [LoggerMessage(13, LogLevel.Warning, "TLS client certificate refused: it does not chain to the configured client CA")]
    public static partial void ClientCertificateRefused(ILogger logger);

    [LoggerMessage(20, LogLevel.Information, "Fault {Id} switched on: {Kind} on {Service}, phase {Phase}, count {Count}")]
    public static partial void FaultAdded(ILogger logger, string? id, Faults.FaultKind kind, string service, Faults.FaultPhase phase, int? count);

    [LoggerMessage(21, LogLevel.Information, "Faults cleared")]
    public static partial void FaultsCleared(ILogger logger);

    [LoggerMessage(22, LogLevel.Information, "Simulator state reset")]
    public static partial void StateReset(ILogger logger);

    [LoggerMessage(23, LogLevel.Information, "Applying fault {Fault}")]
    public static partial void FaultApplied(ILogger logger, string fault);

    [LoggerMessage(30, LogLevel.Information, "NFC-e CSC {IdCsc} registered for {Cnpj}")]
    public static partial void CscRegistered(ILogger logger, string cnpj, int idCsc);

    [LoggerMessage(31, LogLevel.Information, "NFC-e CSC {IdCsc} of {Cnpj} revoked")]
    public static partial void CscRevoked(ILogger logger, string cnpj, int idCsc);

    [LoggerMessage(40, LogLevel.Information, "Authorizer {Uf} taken down (model {Model}, status cStat {CStat})")]
    public static partial void OutageStarted(ILogger logger, string uf, int? model, int cStat);

    [LoggerMessage(41, LogLevel.Information, "Authorizer {Uf} back up (model {Model})")]
    public static partial void OutageEnded(ILogger logger, string uf, int? model);

    [LoggerMessage(42, LogLevel.Information, "{Service} for {Uf} refused at transport: the authorizer is down")]
    public static partial void OutageRefused(ILogger logger, string service, string uf);

    [LoggerMessage(43, LogLevel.Information, "{Svc} switched {State} for {Uf}")]
    public static partial void SvcSwitched(ILogger logger, string svc, string state, string uf);
}
