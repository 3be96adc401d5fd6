namespace Tss.Contracts.Credits;

/// <summary>Credits not sold: every document may be sent and nothing is debited.</summary>
public sealed class UnlimitedCreditGate : ICreditGate
{
    public Task<IReadOnlyList<bool>> TryDebitAsync(string tenantId, IReadOnlyList<string> debitKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(debitKeys);
        return Task.FromResult<IReadOnlyList<bool>>([.. debitKeys.Select(_ => true)]);
    }
}
