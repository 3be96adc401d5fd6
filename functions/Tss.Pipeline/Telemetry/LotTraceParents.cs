using System.Diagnostics;

namespace Tss.Pipeline.Telemetry;

/// <summary>The documents' traceparents kept on a lot record, in lot order (an empty entry for a document without one).</summary>
internal static class LotTraceParents
{
    public static string? Join(IReadOnlyList<string?> traceParents) =>
        traceParents.All(string.IsNullOrEmpty) ? null : string.Join(',', traceParents.Select(t => t ?? ""));

    public static IReadOnlyList<string?> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Select(t => t.Length == 0 ? null : t).ToList();

    public static List<ActivityLink> Links(IEnumerable<string?> traceParents)
    {
        var links = new List<ActivityLink>();
        foreach (var t in traceParents)
        {
            if (ActivityContext.TryParse(t, null, isRemote: true, out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }
        return links;
    }
}
