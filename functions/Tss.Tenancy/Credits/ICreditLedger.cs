namespace Tss.Tenancy.Credits;

/// <summary>
/// On-demand licence credits of a tenant: a balance and an append-only ledger in Tables. One credit is debited per
/// document sent to SEFAZ, exactly once per (document, send) whatever retries or crashes happen; documents refused
/// before sending and events are never debited. Top-ups are idempotent by their reference.
/// </summary>
public interface ICreditLedger
{
    /// <summary>The tenant's balance (zeroes for a tenant that never had credits).</summary>
    Task<CreditBalance> GetBalanceAsync(string tenantId, CancellationToken ct);

    /// <summary>Adds <paramref name="credits"/> (&gt; 0). A repeated <paramref name="reference"/> changes nothing and returns the current balance.</summary>
    Task<CreditBalance> TopUpAsync(string tenantId, long credits, string reference, string by, CancellationToken ct);

    /// <summary>
    /// Debits one credit for <paramref name="debitKey"/> (document key + send identity). A key already debited returns
    /// <see cref="DebitOutcome.AlreadyDebited"/> without debiting again; an empty balance returns
    /// <see cref="DebitOutcome.InsufficientCredits"/> and changes nothing.
    /// </summary>
    Task<DebitOutcome> TryDebitAsync(string tenantId, string debitKey, CancellationToken ct);

    /// <summary>
    /// <see cref="TryDebitAsync"/> for several keys at once, in order (earlier keys get the credits first), in as few
    /// entity-group transactions as the limits allow. One outcome per key, in the same order.
    /// </summary>
    Task<IReadOnlyList<DebitOutcome>> TryDebitManyAsync(string tenantId, IReadOnlyList<string> debitKeys, CancellationToken ct);

    /// <summary>Ledger entries, newest first, one page at a time.</summary>
    Task<CreditLedgerPage> ListAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken ct);

    /// <summary>Low-balance notification settings ("Central de Notificações"): threshold and e-mail; null threshold turns it off.</summary>
    Task<CreditBalance> SetLowBalanceNotificationAsync(string tenantId, long? threshold, string? email, CancellationToken ct);
}

/// <summary>Contracted = everything topped up; Used = everything debited; Balance = Contracted - Used.</summary>
public sealed record CreditBalance(string TenantId, long Contracted, long Used, long Balance, long? LowBalanceThreshold, string? LowBalanceEmail);

public enum DebitOutcome
{
    Debited,
    AlreadyDebited,
    InsufficientCredits,
}

/// <summary>One ledger line. Kind is "topup" or "debit"; Amount is positive for top-ups and negative for debits.</summary>
public sealed record CreditLedgerEntry(DateTimeOffset At, string Kind, long Amount, long BalanceAfter, string Reference, string? By);

public sealed record CreditLedgerPage(IReadOnlyList<CreditLedgerEntry> Entries, string? ContinuationToken);
