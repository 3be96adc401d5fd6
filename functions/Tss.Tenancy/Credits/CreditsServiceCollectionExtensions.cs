using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tss.Contracts.Credits;
using Tss.Contracts.Delivery;
using Tss.Runtime.Queues;

namespace Tss.Tenancy.Credits;

/// <summary>Registers the credit ledger, the pipeline's credit gate over it, the top-up wake and the low-balance e-mails.</summary>
public static class CreditsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TableCreditLedger"/> as <see cref="ICreditLedger"/>, <see cref="LedgerCreditGate"/> as the
    /// pipeline's <see cref="ICreditGate"/> (call before <c>AddTssPipeline</c>, which otherwise adds an unlimited gate),
    /// the wake of documents awaiting credits after a top-up (through the pipeline's <see cref="IAwaitingCredits"/>:
    /// whoever tops up also calls <c>AddTssCreditCheck</c> or <c>AddTssPipeline</c>), and the listener of
    /// <see cref="CreditOptions.NotifyQueue"/>.
    /// Options: section "Credits" (off by default: nothing is debited until <c>Credits:Enabled</c> is true).
    /// </summary>
    public static IServiceCollection AddTssCredits(this IServiceCollection services)
    {
        services.AddOptions<CreditOptions>().BindConfiguration(CreditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddTssQueues();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableCreditLedger>();
        services.TryAddSingleton<ICreditLedger>(sp => sp.GetRequiredService<TableCreditLedger>());
        services.TryAddSingleton<ICreditGate, LedgerCreditGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICreditTopUpObserver, CreditWakeObserver>());
        services.TryAddSingleton<LowBalanceNotifier>();
        services.AddQueueHandler<LowBalanceMessage, LowBalanceNotifier>(CreditOptions.NotifyQueue);
        return services;
    }
}
