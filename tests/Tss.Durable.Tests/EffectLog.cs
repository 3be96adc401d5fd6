using System.Collections.Concurrent;

namespace Tss.Durable.Tests;

/// <summary>What the test activities did, counted per key: a pipeline service the activities get by constructor injection.</summary>
public sealed class EffectLog
{
    private readonly ConcurrentDictionary<string, int> effects = new(StringComparer.Ordinal);

    public void Record(string key) => effects.AddOrUpdate(key, 1, static (_, n) => n + 1);

    public int Count(string key) => effects.TryGetValue(key, out var n) ? n : 0;
}
