namespace Tss.Pipeline.Lots;

/// <summary>
/// What one step of a lot returns to its orchestration: the lot's new state, what it does next, and how long to wait
/// before that (real time: the length of the durable timer).
/// </summary>
public sealed record LotStep(LotState State, LotAction Next, TimeSpan Delay);
