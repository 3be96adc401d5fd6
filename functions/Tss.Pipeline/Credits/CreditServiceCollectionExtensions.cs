using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Contracts.Credits;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;

namespace Tss.Pipeline.Credits;

/// <summary>Registers the pipeline's credit step.</summary>
public static class CreditServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CreditCheck"/> and <see cref="CreditWaiters"/> (also as the <see cref="IAwaitingCredits"/> a
    /// top-up wakes: a host or tool that tops up credits calls this), and <see cref="UnlimitedCreditGate"/> unless an
    /// <see cref="ICreditGate"/> is registered first (the host's tenant store registers the credit ledger's gate).
    /// </summary>
    public static IServiceCollection AddTssCreditCheck(this IServiceCollection services)
    {
        // The wake sends the pipeline's assemble messages, from the host or from the CLI.
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PipelineQueues>();
        services.TryAddSingleton<ICreditGate, UnlimitedCreditGate>();
        services.TryAddSingleton<CreditWaiters>();
        services.TryAddSingleton<IAwaitingCredits>(sp => sp.GetRequiredService<CreditWaiters>());
        services.TryAddSingleton<CreditCheck>();
        return services;
    }
}
