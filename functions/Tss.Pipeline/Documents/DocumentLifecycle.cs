using Tss.Contracts.Documents;
namespace Tss.Pipeline.Documents;

/// <summary>
/// The document's life as a pure table, <c>status × event → status</c>, beside the lot's (<c>LotWorkflow</c>). Every
/// writer of a document's status asks it first, so a transition the product never makes (an authorized document
/// going back to Pending, a rejected one cancelled) cannot be written by accident.
/// </summary>
public static class DocumentLifecycle
{
    /// <summary>The status after <paramref name="e"/>, or null when <paramref name="e"/> cannot happen in <paramref name="from"/>.</summary>
    /// <remarks>
    /// Outcomes and claims are accepted from Pending and AwaitingCredits as well as InLot: the "in lot" mark is written
    /// after the claim and may be lost in a crash (<see cref="DocumentRecord.BelongsTo"/>); re-marking InLot is a no-op.
    /// </remarks>
    public static DocumentStatus? Next(DocumentStatus from, DocumentEvent e) => (from, e) switch
    {
        (DocumentStatus.Rejected, DocumentEvent.Resubmitted) => DocumentStatus.Pending,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits, DocumentEvent.OutOfCredits) => DocumentStatus.AwaitingCredits,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits or DocumentStatus.InLot, DocumentEvent.Claimed) => DocumentStatus.InLot,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits or DocumentStatus.InLot, DocumentEvent.Authorized) => DocumentStatus.Authorized,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits or DocumentStatus.InLot, DocumentEvent.Denied) => DocumentStatus.Denied,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits or DocumentStatus.InLot, DocumentEvent.Rejected) => DocumentStatus.Rejected,
        (DocumentStatus.Pending or DocumentStatus.AwaitingCredits or DocumentStatus.InLot, DocumentEvent.Requeued) => DocumentStatus.Pending,
        (DocumentStatus.Authorized or DocumentStatus.Cancelled, DocumentEvent.CancellationRegistered) => DocumentStatus.Cancelled,
        _ => null,
    };

    /// <summary>The status after <paramref name="e"/>.</summary>
    /// <exception cref="InvalidOperationException">The transition is not part of the lifecycle (a bug in the caller).</exception>
    public static DocumentStatus Apply(DocumentStatus from, DocumentEvent e) =>
        Next(from, e) ?? throw new InvalidOperationException($"A document in {from} cannot take {e}.");
}
