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
    DateTimeOffset UpdatedAt);
