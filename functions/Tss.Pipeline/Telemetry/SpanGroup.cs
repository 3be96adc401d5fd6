using System.Diagnostics;

namespace Tss.Pipeline.Telemetry;

/// <summary>Spans that end together (one per document of a step, and the step's own); restores the current span on dispose.</summary>
internal sealed class SpanGroup : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly Activity? _previous = Activity.Current;
    private Activity? _main;

    public void Add(Activity? span)
    {
        if (span is not null)
        {
            _spans.Add(span);
        }
    }

    /// <summary>The step's own span: current until the group ends.</summary>
    public SpanGroup Main(Activity? main)
    {
        _main = main;
        if (main is not null)
        {
            Activity.Current = main;
        }
        return this;
    }

    public void Dispose()
    {
        foreach (var span in _spans)
        {
            span.Stop();
        }
        _main?.Stop();
        Activity.Current = _previous;
    }
}
