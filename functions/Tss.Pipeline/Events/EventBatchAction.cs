namespace Tss.Pipeline.Events;

/// <summary>What an event batch does next.</summary>
public enum EventBatchAction
{
    /// <summary>Send the batch's pending events (again): only when nothing sent before can have reached SEFAZ.</summary>
    Send,
    /// <summary>Learn the outcome of the events in flight through NFeConsultaProtocolo before anything is resent.</summary>
    Reconcile,
    /// <summary>Every event of the batch has its final answer.</summary>
    Close,
}
