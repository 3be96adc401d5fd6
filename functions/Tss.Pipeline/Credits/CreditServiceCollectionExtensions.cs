using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tss.Pipeline.Credits;

/// <summary>Registers the pipeline's credit step.</summary>
public static class CreditServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CreditCheck"/> and <see cref="CreditWaiters"/>, and <see cref="UnlimitedCreditGate"/> unless an
    /// <see cref="ICreditGate"/> is registered first (the host's tenant store registers the credit ledger's gate).
    /// </summary>
    public static IServiceCollection AddTssCreditCheck(this IServiceCollection services)
    {
        services.TryAddSingleton<ICreditGate, UnlimitedCreditGate>();
        services.TryAddSingleton<CreditWaiters>();
        services.TryAddSingleton<CreditCheck>();
        return services;
    }
}
