namespace Tss.Mde.Scheduling;

/// <summary>A periodic sync of one cursor, due at <paramref name="DueAt"/> (superseded when the cursor's NextRunAt is later).</summary>
public sealed record MdeTimerMessage(string TenantId, string Cnpj, int Model, DateTimeOffset DueAt);
