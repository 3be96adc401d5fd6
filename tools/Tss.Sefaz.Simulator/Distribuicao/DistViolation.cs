namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>One 656 answered to a party.</summary>
public sealed record DistViolation(DateTimeOffset At, DistRule Rule, string Request);
