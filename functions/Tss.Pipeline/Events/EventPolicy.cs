namespace Tss.Pipeline.Events;

/// <summary>
/// The waits of an event batch, as durations on the pipeline clock (durable timers in the batch orchestration).
/// <see cref="For"/> applies the mandated minimums of production (tpAmb 1), like the lots' policy.
/// </summary>
/// <param name="RetryDelay">After a send that did not reach SEFAZ, a 108/109/999, or a consultation that failed.</param>
/// <param name="ConsumptionBlock">After 656 (consumo indevido).</param>
public sealed record EventPolicy(TimeSpan RetryDelay, TimeSpan ConsumptionBlock)
{
    /// <summary>What production never goes below: 5 s between retries, one hour after 656.</summary>
    public static readonly EventPolicy ProductionMinimum = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    /// <summary>The configured waits as is for homologação (2), raised to <see cref="ProductionMinimum"/> for produção (1).</summary>
    public static EventPolicy For(int tpAmb, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = new EventPolicy(options.RetryDelay, options.ConsumptionBlock);
        if (tpAmb != 1)
        {
            return configured;
        }
        return new EventPolicy(Max(configured.RetryDelay, ProductionMinimum.RetryDelay), Max(configured.ConsumptionBlock, ProductionMinimum.ConsumptionBlock));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
