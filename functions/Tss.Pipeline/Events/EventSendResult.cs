namespace Tss.Pipeline.Events;

/// <summary>What became of one send of an event batch (the answer itself is stored in a blob: payloads carry no XML).</summary>
/// <param name="Send">The number of the batch's send.</param>
/// <param name="Outcome">How the send ended.</param>
/// <param name="AnswerBlob">The stored retEnvEvento (JSON) when SEFAZ answered.</param>
public sealed record EventSendResult(int Send, EventSendOutcome Outcome, string? AnswerBlob = null);

/// <summary>How one send of an event batch ended.</summary>
public enum EventSendOutcome
{
    /// <summary>No open event left in the batch: nothing was sent.</summary>
    Nothing,
    /// <summary>SEFAZ answered (stored in <see cref="EventSendResult.AnswerBlob"/>).</summary>
    Answered,
    /// <summary>The request did not reach SEFAZ (refused connection, no endpoint): safe to send again later.</summary>
    NotSent,
    /// <summary>The request may have reached SEFAZ (timeout, 5xx after sending), or this send had been recorded by an
    /// earlier run of the step that died: reconcile.</summary>
    Unknown,
}
