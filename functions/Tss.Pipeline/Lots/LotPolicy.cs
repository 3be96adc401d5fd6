namespace Tss.Pipeline.Lots;

/// <summary>The waits of the lot workflow (all on the injected clock).</summary>
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
}
