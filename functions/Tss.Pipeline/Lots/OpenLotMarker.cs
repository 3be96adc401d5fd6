using Azure;
using Azure.Data.Tables;

namespace Tss.Pipeline.Lots;

/// <summary>
/// "This lot was cut but not sent yet" (row "open|{lot row key}" beside the lot): inserted with the lot, deleted
/// atomically with the first send's write-ahead. The assembler reads these with the pending markers and starts again
/// (a no-op when it runs) a lot whose orchestration start was lost (a crash between cutting the lot and starting it).
/// </summary>
public sealed class OpenLotMarker : ITableEntity
{
    public const string RowPrefix = "open|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string LotId => RowKey[RowPrefix.Length..];

    public static string RowFor(string lotId) => RowPrefix + lotId;
}
