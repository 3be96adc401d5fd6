using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Pipeline;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Distribution;
using Tss.Pipeline.Messages;
using Tss.Runtime.Queues;

namespace Tss.Tenancy.Credits;

/// <summary>Registers the credit ledger, the pipeline's credit gate over it, the top-up wake and the low-balance e-mails.</summary>
public static class CreditsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TableCreditLedger"/> as <see cref="ICreditLedger"/>, <see cref="LedgerCreditGate"/> as the
    /// pipeline's <see cref="ICreditGate"/> (call before <c>AddTssPipeline</c>, which otherwise adds an unlimited gate),
    /// the wake of documents awaiting credits after a top-up, and the listener of <see cref="CreditOptions.NotifyQueue"/>.
    /// Options: section "Credits" (off by default: nothing is debited until <c>Credits:Enabled</c> is true).
    /// </summary>
    public static IServiceCollection AddTssCredits(this IServiceCollection services)
    {
        services.AddOptions<CreditOptions>().BindConfiguration(CreditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        // The wake sends the pipeline's assemble messages, from the host or from the CLI.
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PipelineQueues>();
        services.TryAddSingleton<TableCreditLedger>();
        services.TryAddSingleton<ICreditLedger>(sp => sp.GetRequiredService<TableCreditLedger>());
        services.TryAddSingleton<ICreditGate, LedgerCreditGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICreditTopUpObserver, CreditWakeObserver>());
        services.AddTssCreditCheck();
        services.TryAddSingleton<LowBalanceNotifier>();
        services.AddQueueHandler<LowBalanceMessage, LowBalanceNotifier>(CreditOptions.NotifyQueue);
        return services;
    }
}
