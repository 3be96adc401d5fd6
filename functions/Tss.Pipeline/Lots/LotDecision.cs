namespace Tss.Pipeline.Lots;

/// <summary>The next state of a lot and the commands to carry out, in order.</summary>
public sealed record LotDecision(LotState State, IReadOnlyList<LotCommand> Commands);
