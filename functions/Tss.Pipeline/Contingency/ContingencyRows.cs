using System.Globalization;
using Azure.Data.Tables;

namespace Tss.Pipeline.Contingency;

/// <summary>How states, entity overrides and decisions are laid out in their Tables.</summary>
internal static class ContingencyRows
{
    public const string AuthorizerPartition = "authorizer";
    public const string EntityPartition = "entity";

    public static ContingencyState ReadState(TableEntity row) => new(
        Enum.Parse<ContingencyMode>(row.GetString("Mode") ?? nameof(ContingencyMode.Normal)),
        row.GetDateTimeOffset("Since"),
        [.. (row.GetString("Failures") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => DateTimeOffset.Parse(f, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))],
        row.GetInt32("OkStatuses") ?? 0,
        Enum.Parse<OperatorOverride>(row.GetString("Override") ?? nameof(OperatorOverride.None)),
        row.GetString("Reason"));

    public static TableEntity WriteState(AuthorizerKey key, ContingencyState state, string? probeTenant, string? probeCnpj,
        DateTimeOffset now) => new(AuthorizerPartition, key.RowKey)
        {
            ["Mode"] = state.Mode.ToString(),
            ["Since"] = state.Since,
            ["Failures"] = string.Join(',', state.Failures.Select(f => f.ToString("O", CultureInfo.InvariantCulture))),
            ["OkStatuses"] = state.OkStatuses,
            ["Override"] = state.Override.ToString(),
            ["Reason"] = state.Reason,
            ["ProbeTenant"] = probeTenant,
            ["ProbeCnpj"] = probeCnpj,
            ["UpdatedAt"] = now,
        };

    public static string EntityRowKey(string tenantId, string cnpj) => $"{tenantId}|{cnpj}";

    /// <summary>Newest first: inverted ticks, then a random suffix so two decisions in one tick both stay.</summary>
    public static TableEntity WriteDecision(ContingencyDecision d) =>
        new(d.Authorizer.RowKey, string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - d.At.UtcTicks:D19}-{Guid.NewGuid():N}"))
        {
            ["At"] = d.At,
            ["From"] = d.From.ToString(),
            ["To"] = d.To.ToString(),
            ["Trigger"] = d.Trigger,
            ["Signals"] = string.Join('\n', d.Signals),
            ["Message"] = d.Message,
        };

    public static ContingencyDecision ReadDecision(TableEntity row) => new(
        AuthorizerKey.Parse(row.PartitionKey)!,
        row.GetDateTimeOffset("At") ?? default,
        Enum.Parse<ContingencyMode>(row.GetString("From")!),
        Enum.Parse<ContingencyMode>(row.GetString("To")!),
        row.GetString("Trigger") ?? "",
        (row.GetString("Signals") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("Message") ?? "");
}
