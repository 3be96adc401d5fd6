using Tss.Protocol.AccessKeys;
namespace Tss.Pipeline.Lots;

/// <summary>
/// The state of one lot, carried by its orchestration from step to step (ids and counters only, no XML) and copied to
/// the lot row for the monitor. Immutable; <see cref="LotWorkflow"/> returns the next state.
/// </summary>
public sealed record LotState
{
    public required string LotId { get; init; }

    /// <summary>idLote sent to SEFAZ (1–15 digits).</summary>
    public required long idLote { get; init; }

    public LotPhase Phase { get; init; } = LotPhase.Created;

    /// <summary>indSinc=1 (one document, synchronous answer).</summary>
    public bool Sync { get; init; }

    /// <summary>The documents of the lot, in send order.</summary>
    public required IReadOnlyList<AccessKey> Keys { get; init; }

    /// <summary>Documents without a final outcome yet.</summary>
    public required IReadOnlyList<AccessKey> OpenKeys { get; init; }

    /// <summary>Documents sent back to pending (not in SEFAZ's base after reconciliation): not distributed by this lot.</summary>
    public IReadOnlyList<AccessKey> Requeued { get; init; } = [];

    public int SendAttempts { get; init; }

    public string? nRec { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public int PollCount { get; init; }

    /// <summary>Rounds of consultation that found documents missing (217), for the requeue rule.</summary>
    public int NotFoundRounds { get; init; }

    /// <summary>Last SEFAZ status or transport error seen, for the monitor.</summary>
    public string? LastStatus { get; init; }

    /// <summary>
    /// The earliest moment (pipeline clock) the lot's next SEFAZ call may begin: the workflow's wait counted from when it
    /// was decided. The durable timer is the wait; this is its floor, because an engine's timer can fire early (queue
    /// visibility delays on Azure Storage are whole seconds, so DurableTask.AzureStorage delivers a timer up to 1 s early).
    /// </summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Creates the state of a newly assembled lot.</summary>
    public static LotState New(string lotId, long idLote, IReadOnlyList<AccessKey> keys, bool sync) =>
        new() { LotId = lotId, idLote = idLote, Keys = keys, OpenKeys = keys, Sync = sync };
}
