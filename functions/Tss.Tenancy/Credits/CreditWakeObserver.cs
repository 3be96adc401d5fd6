using Microsoft.Extensions.Logging;
using Tss.Contracts.Credits;
using Tss.Tenancy.Credits.Internal;

namespace Tss.Tenancy.Credits;

/// <summary>After a top-up, wakes the tenant's documents awaiting credits (one query; nothing while nobody waits).</summary>
public sealed class CreditWakeObserver(IAwaitingCredits waiters, ILogger<CreditWakeObserver> logger) : ICreditTopUpObserver
{
    public async Task OnToppedUpAsync(CreditBalance balance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(balance);
        // Also while credits are disabled here: the CLI that tops up may not share the host's setting, and a wake
        // with nobody waiting is one empty query.
        if (balance.Balance <= 0)
        {
            return;
        }
        var woken = await waiters.WakeAsync(balance.TenantId, ct).ConfigureAwait(false);
        if (woken > 0)
        {
            Log.Woken(logger, balance.TenantId, woken);
        }
    }
}
