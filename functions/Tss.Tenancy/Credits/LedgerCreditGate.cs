using Microsoft.Extensions.Options;
using Tss.Contracts.Credits;

namespace Tss.Tenancy.Credits;

/// <summary>The pipeline's <see cref="ICreditGate"/> over the tenant's <see cref="ICreditLedger"/>; grants everything while credits are disabled.</summary>
public sealed class LedgerCreditGate(ICreditLedger ledger, IOptions<CreditOptions> options) : ICreditGate
{
    public async Task<IReadOnlyList<bool>> TryDebitAsync(string tenantId, IReadOnlyList<string> debitKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(debitKeys);
        if (!options.Value.Enabled || debitKeys.Count == 0)
        {
            return [.. debitKeys.Select(_ => true)];
        }
        var outcomes = await ledger.TryDebitManyAsync(tenantId, debitKeys, ct).ConfigureAwait(false);
        return [.. outcomes.Select(o => o != DebitOutcome.InsufficientCredits)];
    }
}
