namespace Tss.Pipeline.Queries;

/// <summary>A lot as the monitor shows it (no XML).</summary>
/// <param name="LotId">Row key of the lot ("lot|{idLote}").</param>
/// <param name="Aamm">Year and month of its documents' keys (the partition it lives in).</param>
public sealed record LotSummary(
    string LotId,
    long idLote,
    string Aamm,
    string Phase,
    bool Sync,
    IReadOnlyList<string> Keys,
    int OpenCount,
    int SendAttempts,
    string? nRec,
    DateTimeOffset? SentAt,
    int PollCount,
    string? LastStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The lot's last fault ("type: message"), when its orchestration reported one.</summary>
    public string? LastFault { get; init; }

    /// <summary>When <see cref="LastFault"/> was reported.</summary>
    public DateTimeOffset? LastFaultAt { get; init; }

    /// <summary>The lot stopped restarting and waits for an operator's retry.</summary>
    public bool Stuck { get; init; }
}
