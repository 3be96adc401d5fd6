namespace Tss.Pipeline.Lots;

/// <summary>
/// The next state of a lot, the document outcomes to record now, and what to do next after <paramref name="Wait"/>
/// (a policy duration on the pipeline clock; zero means at once).
/// </summary>
public sealed record LotDecision(LotState State, IReadOnlyList<DocumentOutcome> Outcomes, LotAction Next, TimeSpan Wait);
