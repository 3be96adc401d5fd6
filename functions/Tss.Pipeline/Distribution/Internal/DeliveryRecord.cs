using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>
/// A row of the delivery log. Partition = the documents' partition (tenant|CNPJ|AAMM), so a message's rows are
/// read with one range query and written with one entity-group transaction. Row = "{deliveryId}|w" for the
/// webhook, "{deliveryId}|m|{chNFe}" for an e-mail. Attempts are kept inline as JSON (at most a few hundred bytes
/// each, six by default), so recording an attempt is one write.
/// </summary>
internal sealed class DeliveryRecord : ITableEntity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DeliveryId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Target { get; set; } = "";

    /// <summary>chNFe list, comma separated.</summary>
    public string Keys { get; set; } = "";

    public string State { get; set; } = nameof(DeliveryState.Retrying);
    public int AttemptCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>JSON array of <see cref="DeliveryAttempt"/>.</summary>
    public string Attempts { get; set; } = "[]";

    public static string WebhookRow(string deliveryId) => $"{deliveryId}|w";

    public static string EmailRow(string deliveryId, string chNFe) => $"{deliveryId}|m|{chNFe}";

    [IgnoreDataMember]
    public DeliveryState StateValue => Enum.Parse<DeliveryState>(State);

    [IgnoreDataMember]
    public IReadOnlyList<DeliveryAttempt> AttemptList => JsonSerializer.Deserialize<List<DeliveryAttempt>>(Attempts, Json) ?? [];

    /// <summary>Due for an attempt at <paramref name="now"/>: still retrying and its wait is over.</summary>
    public bool IsDue(DateTimeOffset now) => StateValue == DeliveryState.Retrying && (NextAttemptAt is null || NextAttemptAt <= now);

    public void Add(DeliveryAttempt attempt, DeliveryState state, DateTimeOffset? nextAttemptAt)
    {
        var list = AttemptList.ToList();
        list.Add(attempt);
        Attempts = JsonSerializer.Serialize(list, Json);
        AttemptCount = attempt.Number;
        LastStatusCode = attempt.StatusCode;
        LastError = attempt.Error;
        State = state.ToString();
        NextAttemptAt = nextAttemptAt;
        CompletedAt = state == DeliveryState.Retrying ? null : attempt.At;
    }

    public DeliveryEntry ToEntry() => new(
        PartitionKey, DeliveryId, Enum.Parse<DeliveryChannel>(Channel), Target,
        Keys.Split(',', StringSplitOptions.RemoveEmptyEntries), StateValue, CreatedAt, CompletedAt, NextAttemptAt, AttemptList);
}
