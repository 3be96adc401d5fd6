using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Tss.Mde.Sharing;

/// <summary>One decision on a tenant's request for the history (append-only, RK "decision-{ticks}-{tenant}"): who, when, what.</summary>
public sealed class MdeSharingDecision : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The tenant the decision is about.</summary>
    public string TenantId { get; set; } = "";

    /// <summary><see cref="HistoryAccess.Granted"/> or <see cref="HistoryAccess.Denied"/>.</summary>
    public string Decision { get; set; } = "";

    /// <summary>"tenant:{id}" (a holder of the history) or "operator:{name}".</summary>
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public const string RowPrefix = "decision-";

    public static string RowKeyFor(DateTimeOffset at, string tenantId) =>
        RowPrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + tenantId;
}
