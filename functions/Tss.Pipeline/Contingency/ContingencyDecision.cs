namespace Tss.Pipeline.Contingency;

/// <summary>One switch of an authorizer's mode, with what caused it (a decision-log row).</summary>
/// <param name="Trigger">Stable code: transport_failures, status_paralysis, send_paralysis, status_recovered,
/// operator_force, operator_forbid, operator_clear.</param>
/// <param name="Signals">The signals that caused it, as "kind@time detail" items.</param>
/// <param name="Message">The Portuguese sentence for people ("SP em contingência SVC-AN desde 14:02 — 5 falhas de conexão em 2 min").</param>
public sealed record ContingencyDecision(
    AuthorizerKey Authorizer,
    DateTimeOffset At,
    ContingencyMode From,
    ContingencyMode To,
    string Trigger,
    IReadOnlyList<string> Signals,
    string Message);
