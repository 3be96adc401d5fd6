namespace Tss.Pipeline.Epec;

/// <summary>What the EPEC orchestration does next: stop, or try again after <paramref name="Delay"/> (real time).</summary>
public sealed record EpecStep(bool Done, TimeSpan Delay, string? Outcome = null)
{
    /// <summary>Nothing more to do.</summary>
    public static EpecStep Finished(string outcome) => new(true, TimeSpan.Zero, outcome);
}
