using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy.Credits;

namespace Tss.Portal.Credits;

/// <summary>
/// The credit ledger when the host has one (<see cref="ICreditLedger"/> comes from the credits feature); the pages
/// say "not available" otherwise instead of failing.
/// </summary>
public sealed class PortalCredits(IServiceProvider services)
{
    public ICreditLedger? Ledger { get; } = services.GetService<ICreditLedger>();

    public bool IsAvailable => Ledger is not null;

    /// <summary>The balance, or null without a ledger.</summary>
    public async Task<CreditBalance?> GetBalanceAsync(string tenantId, CancellationToken ct) =>
        Ledger is null ? null : await Ledger.GetBalanceAsync(tenantId, ct).ConfigureAwait(false);
}
