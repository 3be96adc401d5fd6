using System.Globalization;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>Formats instants the way SEFAZ writes TDateTimeUTC: Brasília offset, whole seconds, "±hh:00".</summary>
public static class SefazTime
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <summary>"AAAA-MM-DDThh:mm:ss-03:00".</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Brasilia).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Drops sub-second precision so stored instants equal what the answers show.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerSecond, instant.Offset);
}
