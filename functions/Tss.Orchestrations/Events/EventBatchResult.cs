namespace Tss.Orchestrations.Events;

/// <summary>How an event batch ended (the event rows hold their own outcomes).</summary>
/// <param name="Sends">envEvento requests made (each recorded before it was sent).</param>
/// <param name="Reconciliations">Rounds of NFeConsultaProtocolo for events in flight.</param>
/// <param name="Distributed">Answered events handed to distribution.</param>
/// <param name="MoreQueued">Whether the partition had events waiting and a new cut was asked for.</param>
public sealed record EventBatchResult(string BatchId, int Sends, int Reconciliations, int Distributed, bool MoreQueued);
