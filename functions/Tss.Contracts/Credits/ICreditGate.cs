namespace Tss.Contracts.Credits;

/// <summary>
/// The pipeline's view of licence credits: before a document is first put in a lot, one credit is debited for its send
/// identity (the pipeline's <c>CreditDebitKey</c>: access key + DigestValue). The host wires this to the tenant's credit ledger; without it every document
/// may be sent (<see cref="UnlimitedCreditGate"/>, for deployments that do not sell credits).
/// </summary>
public interface ICreditGate
{
    /// <summary>
    /// Debits one credit per key, in order (earlier keys get the credits first). For each key: true when the document
    /// may be sent (debited now, or debited before for the same key — a redelivery never debits twice); false when the
    /// tenant has no credits left for it (nothing changed for that key).
    /// </summary>
    Task<IReadOnlyList<bool>> TryDebitAsync(string tenantId, IReadOnlyList<string> debitKeys, CancellationToken ct);
}
