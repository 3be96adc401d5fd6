using Azure;
using Azure.Data.Tables;

namespace Tss.Runtime.Tests.Tables;

/// <summary>A small entity with a counter two writers fight over.</summary>
public sealed class CounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int Count { get; set; }
    public string? Note { get; set; }
}
