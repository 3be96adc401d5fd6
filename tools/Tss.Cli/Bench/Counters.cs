namespace Tss.Cli.Bench;

/// <summary>Storage transaction counts by operation ("Table/EntityGroupTransaction" …), from the host's diagnostics
/// endpoint: the product's own clients, or the Durable backend's.</summary>
internal sealed record Counters(IReadOnlyDictionary<string, long> Operations)
{
    public long Total => Operations.Values.Sum();

    public Counters Since(Counters earlier) => new(Operations
        .Select(o => (o.Key, Count: o.Value - earlier.Operations.GetValueOrDefault(o.Key)))
        .Where(o => o.Count != 0)
        .ToDictionary(o => o.Key, o => o.Count));
}
