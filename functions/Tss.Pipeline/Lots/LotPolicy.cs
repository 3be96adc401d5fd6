namespace Tss.Pipeline.Lots;

/// <summary>
/// The waits of the lot workflow, as durations on the pipeline clock (tests shorten them by configuration or run
/// the clock scaled). <see cref="For"/> applies the mandated minimums of production.
/// </summary>
public sealed record LotPolicy
{
    /// <summary>SEFAZ's minimum wait before the first receipt query (the real wait is max(this, tMed)).</summary>
    public TimeSpan MinFirstPoll { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait between polls answered 105; doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Back-off after a transport failure before a send reached SEFAZ (doubles up to 10 min).</summary>
    public TimeSpan TransportRetry { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait while the authorizer is paralysed (108/109).</summary>
    public TimeSpan ParalysedRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Consumo indevido (656): nothing is sent for one hour.</summary>
    public TimeSpan ConsumptionBlock { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Consultations answered 217 before a document counts as never received and is re-queued.</summary>
    public int NotFoundConsultsBeforeRequeue { get; init; } = 2;

    /// <summary>The minimums production (tpAmb 1) must respect whatever the configuration says: 15 s before the first
    /// receipt query, 5 s between queries answered 105, one hour after 656, two consultations before a requeue.</summary>
    public static readonly LotPolicy ProductionMinimum = new();

    /// <summary>
    /// The policy for a lot of environment <paramref name="tpAmb"/>: <paramref name="configured"/> as is for
    /// homologação (2), raised to <see cref="ProductionMinimum"/> wherever it is lower for produção (1).
    /// </summary>
    public static LotPolicy For(int tpAmb, LotPolicy configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (tpAmb != 1)
        {
            return configured;
        }
        var min = ProductionMinimum;
        return configured with
        {
            MinFirstPoll = Max(configured.MinFirstPoll, min.MinFirstPoll),
            PollInterval = Max(configured.PollInterval, min.PollInterval),
            MaxPollInterval = Max(configured.MaxPollInterval, min.PollInterval),
            TransportRetry = Max(configured.TransportRetry, TimeSpan.FromSeconds(1)),
            ParalysedRetry = Max(configured.ParalysedRetry, min.PollInterval),
            ConsumptionBlock = Max(configured.ConsumptionBlock, min.ConsumptionBlock),
            NotFoundConsultsBeforeRequeue = Math.Max(configured.NotFoundConsultsBeforeRequeue, min.NotFoundConsultsBeforeRequeue),
        };
    }

    /// <summary>
    /// The real-time length of the durable timer for a wait of <paramref name="wait"/> on a clock running
    /// <paramref name="scale"/> times fast (tests). Production (tpAmb 1) never runs scaled: its timers last the wait.
    /// </summary>
    public static TimeSpan RealTime(TimeSpan wait, double scale, int tpAmb) =>
        tpAmb == 1 || scale <= 1 ? wait : TimeSpan.FromTicks((long)Math.Ceiling(wait.Ticks / scale));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
