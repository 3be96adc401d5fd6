using System.Globalization;
using System.Text;

namespace Tss.Runtime.Storage;

/// <summary>Storage transaction counts at one moment, by operation.</summary>
public sealed class StorageTransactionSnapshot
{
    internal StorageTransactionSnapshot(IReadOnlyDictionary<StorageOperation, long> counts) => Counts = counts;

    /// <summary>Requests per operation (operations never called are absent).</summary>
    public IReadOnlyDictionary<StorageOperation, long> Counts { get; }

    /// <summary>All requests.</summary>
    public long Total => Counts.Values.Sum();

    /// <summary>Requests to one service.</summary>
    public long For(StorageService service) => Counts.Where(c => c.Key.Service == service).Sum(c => c.Value);

    /// <summary>Requests of one operation (0 when never called).</summary>
    public long For(StorageService service, string operation) =>
        Counts.TryGetValue(new StorageOperation(service, operation), out var n) ? n : 0;

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageTransactionSnapshot Since(StorageTransactionSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var diff = new Dictionary<StorageOperation, long>();
        foreach (var (operation, count) in Counts)
        {
            var delta = count - (earlier.Counts.TryGetValue(operation, out var before) ? before : 0);
            if (delta != 0)
            {
                diff[operation] = delta;
            }
        }
        return new StorageTransactionSnapshot(diff);
    }

    /// <summary>One line per operation, sorted, then the total: for benchmark output.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (operation, count) in Counts.OrderBy(c => c.Key.Service).ThenBy(c => c.Key.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{operation}: {count}").AppendLine();
        }
        return text.Append(CultureInfo.InvariantCulture, $"Total: {Total}").ToString();
    }
}
