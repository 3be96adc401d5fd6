using System.Globalization;

namespace Tss.Pipeline.Contingency;

/// <summary>
/// The pure transition logic: normal → contingency on <see cref="ContingencyOptions.FailureThreshold"/> consecutive transport
/// failures/timeouts within <see cref="ContingencyOptions.FailureWindow"/> or on a 108/109; contingency → normal after
/// <see cref="ContingencyOptions.ReturnAfterOkStatuses"/> consecutive 107 status answers, or at once when the SVC answers
/// 113/114 (SEFAZ deactivated it for the UF). An operator override wins over
/// the signals. No clock, no storage: the caller passes the time in the signal.
/// </summary>
public static class ContingencyPolicy
{
    /// <summary>The next state after a signal, and the decision when the mode changed.</summary>
    /// <param name="via">Where contingency documents go ("SVC-AN", "SVC-RS"), for the message.</param>
    public static (ContingencyState State, ContingencyDecision? Decision) Apply(ContingencyState state, ContingencySignal signal,
        ContingencyOptions options, AuthorizerKey key, string via)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        var failures = signal.IsFailure
            ? [.. state.Failures.Where(f => signal.At - f < options.FailureWindow), signal.At]
            : signal.Kind is ContingencySignalKind.Answered or ContingencySignalKind.StatusInOperation ? [] : state.Failures;
        var ok = signal.Kind == ContingencySignalKind.StatusInOperation ? state.OkStatuses + 1
            : signal.Kind == ContingencySignalKind.Answered ? state.OkStatuses
            : 0;
        var next = state with { Failures = failures, OkStatuses = state.Mode == ContingencyMode.Contingency ? ok : 0 };
        if (!options.Enabled || state.Override != OperatorOverride.None)
        {
            return (next, null);
        }

        if (state.Mode == ContingencyMode.Normal)
        {
            string? trigger = null;
            string? why = null;
            if (failures.Count >= options.FailureThreshold)
            {
                trigger = "transport_failures";
                why = string.Create(CultureInfo.InvariantCulture,
                    $"{failures.Count} falhas de conexão em {Minutes(signal.At - failures[0])}");
            }
            else if (options.EnterOnParalysis && signal.Kind is ContingencySignalKind.StatusParalysed or ContingencySignalKind.SendParalysed)
            {
                trigger = signal.Kind == ContingencySignalKind.StatusParalysed ? "status_paralysis" : "send_paralysis";
                why = signal.Kind == ContingencySignalKind.StatusParalysed
                    ? $"consulta de status respondeu {signal.Detail} (serviço paralisado)"
                    : $"envio de lote respondeu {signal.Detail} (serviço paralisado)";
            }

            if (trigger is null)
            {
                return (next, null);
            }

            var message = $"{key.Uf} em contingência {via} desde {Clock(signal.At)} — {why}";
            var signals = trigger == "transport_failures" ? failures.Select(f => $"failure@{f:O}").ToList() : [Describe(signal)];
            return Switch(next with { Failures = [], OkStatuses = 0 }, key, signal.At, ContingencyMode.Contingency, trigger, signals, message);
        }

        if (signal.Kind == ContingencySignalKind.SvcDeactivated)
        {
            var message = $"{key.Uf} de volta ao normal desde {Clock(signal.At)} — {via} respondeu {signal.Detail} (SVC desativada pela SEFAZ) "
                + $"(em contingência {via} desde {Clock(state.Since ?? signal.At)})";
            return Switch(next with { OkStatuses = 0 }, key, signal.At, ContingencyMode.Normal, "svc_deactivated", [Describe(signal)], message);
        }

        if (next.OkStatuses >= options.ReturnAfterOkStatuses)
        {
            var message = $"{key.Uf} de volta ao normal desde {Clock(signal.At)} — retorno após {next.OkStatuses} consultas 107 "
                + $"(em contingência {via} desde {Clock(state.Since ?? signal.At)})";
            return Switch(next with { OkStatuses = 0 }, key, signal.At, ContingencyMode.Normal, "status_recovered",
                [$"status_107x{next.OkStatuses}@{signal.At:O}"], message);
        }

        return (next, null);
    }

    /// <summary>The operator imposes (or lifts) an override; Force enters and Forbid leaves contingency at once.</summary>
    public static (ContingencyState State, ContingencyDecision? Decision) Impose(ContingencyState state, OperatorOverride imposed,
        DateTimeOffset at, AuthorizerKey key, string via, string? who)
    {
        ArgumentNullException.ThrowIfNull(state);
        var next = state with { Override = imposed, Failures = [], OkStatuses = 0 };
        var signals = new List<string> { $"operator:{imposed.ToString().ToLowerInvariant()}@{at:O} {who}".TrimEnd() };
        return imposed switch
        {
            OperatorOverride.Force when state.Mode == ContingencyMode.Normal => Switch(next, key, at, ContingencyMode.Contingency,
                "operator_force", signals, $"{key.Uf} em contingência {via} desde {Clock(at)} — imposta pelo operador"),
            OperatorOverride.Forbid when state.Mode == ContingencyMode.Contingency => Switch(next, key, at, ContingencyMode.Normal,
                "operator_forbid", signals, $"{key.Uf} de volta ao normal desde {Clock(at)} — contingência proibida pelo operador"),
            _ => (next with { Reason = imposed == OperatorOverride.None ? state.Reason : Overridden(state, imposed, key, at) }, null),
        };
    }

    private static string Overridden(ContingencyState state, OperatorOverride imposed, AuthorizerKey key, DateTimeOffset at) =>
        imposed == OperatorOverride.Force
            ? state.Reason ?? $"{key.Uf} em contingência — imposta pelo operador às {Clock(at)}"
            : $"{key.Uf} em modo normal — contingência proibida pelo operador às {Clock(at)}";

    private static (ContingencyState, ContingencyDecision) Switch(ContingencyState next, AuthorizerKey key, DateTimeOffset at,
        ContingencyMode to, string trigger, IReadOnlyList<string> signals, string message) =>
        (next with { Mode = to, Since = at, Reason = message }, new ContingencyDecision(key, at, next.Mode, to, trigger, signals, message));

    private static string Describe(ContingencySignal signal) =>
        $"{signal.Kind}@{signal.At:O}{(signal.Detail is null ? "" : " " + signal.Detail)}";

    /// <summary>Brasília wall-clock time (UTC−3, no daylight saving since 2019), as people read it.</summary>
    private static string Clock(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(-3)).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => span < TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(span.TotalMinutes)} min");
}
