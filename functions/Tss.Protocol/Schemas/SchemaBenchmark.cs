namespace Tss.Protocol.Schemas;

/// <summary>Measures schema validation throughput (single thread) for the CLI's benchmark command.</summary>
public static class SchemaBenchmark
{
    /// <summary>
    /// Validates <paramref name="xml"/> repeatedly for <paramref name="duration"/> after a warm-up and returns
    /// validations per second. Throws <see cref="InvalidOperationException"/> when the document is not valid,
    /// so a figure is never reported for a document that fails.
    /// </summary>
    public static double Run(string xml, TimeSpan duration, NfeSchemas? schemas = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        schemas ??= NfeSchemas.Shared;
        time ??= TimeProvider.System;
        var first = schemas.Validate(xml);
        if (!first.IsValid)
        {
            throw new InvalidOperationException(
                $"The benchmark document is not valid against {first.SchemaFile}: {first.Errors[0].Message}");
        }

        // Warm-up long enough for tiered JIT to settle, so the figure is the steady state.
        var warmUp = time.GetTimestamp();
        for (var i = 0; i < 500 && time.GetElapsedTime(warmUp) < duration / 2; i++)
        {
            schemas.Validate(xml);
        }

        var started = time.GetTimestamp();
        long count = 0;
        TimeSpan elapsed;
        do
        {
            schemas.Validate(xml);
            count++;
            elapsed = time.GetElapsedTime(started);
        }
        while (elapsed < duration);

        return count / elapsed.TotalSeconds;
    }
}
