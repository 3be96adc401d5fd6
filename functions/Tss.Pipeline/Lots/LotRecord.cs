using Azure;
using Azure.Data.Tables;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Lots;

/// <summary>
/// A lot, stored in the documents table beside its documents (same partition, row "lot|{idLote}"), so that creating
/// the lot and claiming its documents is one atomic entity-group transaction. After that it is the monitor's view of
/// the lot (its orchestration carries the state) and the send's write-ahead record (a compare-and-swap on its ETag).
/// </summary>
public sealed class LotRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string Uf { get; set; } = "";
    public int mod { get; set; }
    public int tpAmb { get; set; }
    public long idLote { get; set; }
    public string Phase { get; set; } = nameof(LotPhase.Created);
    public bool Sync { get; set; }
    public string Keys { get; set; } = "";
    public string OpenKeys { get; set; } = "";
    public int SendAttempts { get; set; }
    public string? nRec { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int PollCount { get; set; }
    public int NotFoundRounds { get; set; }
    public string? LastStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the first send step began (before its write-ahead): with <see cref="CreatedAt"/> it shows how long
    /// the lot waited for its orchestration to start. Written with the write-ahead, no request of its own.</summary>
    public DateTimeOffset? SendStartedAt { get; set; }

    /// <summary>When the latest receipt query began: with <see cref="SentAt"/> it shows the first wait plus the timer's
    /// and the activity's dispatch latency. Written with the step's row update, no request of its own.</summary>
    public DateTimeOffset? PollStartedAt { get; set; }

    /// <summary>The documents' traceparents in <see cref="Keys"/> order (comma-separated), so each step can join their traces.</summary>
    public string? DocumentTraceParents { get; set; }

    /// <summary>The lot's last fault ("type: message"), written by its orchestration when it faulted or stopped
    /// restarting; kept after recovery as the monitor's record of it.</summary>
    public string? LastFault { get; set; }

    /// <summary>When <see cref="LastFault"/> was written.</summary>
    public DateTimeOffset? LastFaultAt { get; set; }

    /// <summary>The lot stopped restarting and waits for an operator's retry; its open documents need attention.</summary>
    public bool Stuck { get; set; }

    /// <summary>Row keys of lots sort after every access key (digits) in the partition.</summary>
    public const string RowPrefix = "lot|";

    public LotState ToState() => new()
    {
        LotId = RowKey,
        idLote = idLote,
        Phase = Enum.Parse<LotPhase>(Phase),
        Sync = Sync,
        Keys = Split(Keys),
        OpenKeys = Split(OpenKeys),
        SendAttempts = SendAttempts,
        nRec = nRec,
        SentAt = SentAt,
        PollCount = PollCount,
        NotFoundRounds = NotFoundRounds,
        LastStatus = LastStatus,
    };

    /// <summary>Copies the workflow state into this record (identity and routing fields unchanged).</summary>
    public void Apply(LotState s, DateTimeOffset now)
    {
        Phase = s.Phase.ToString();
        Sync = s.Sync;
        Keys = string.Join(',', s.Keys);
        OpenKeys = string.Join(',', s.OpenKeys);
        SendAttempts = s.SendAttempts;
        nRec = s.nRec;
        SentAt = s.SentAt;
        PollCount = s.PollCount;
        NotFoundRounds = s.NotFoundRounds;
        LastStatus = s.LastStatus is { Length: > 1000 } status ? status[..1000] : s.LastStatus;
        UpdatedAt = now;
    }

    private static AccessKey[] Split(string joined) => joined.Length == 0 ? [] : [.. joined.Split(',').Select(AccessKey.Parse)];
}
