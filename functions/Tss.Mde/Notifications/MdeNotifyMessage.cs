namespace Tss.Mde.Notifications;

/// <summary>New documents of one company to announce by webhook (one webhook per NSU).</summary>
public sealed record MdeNotifyMessage(string TenantId, string Cnpj, IReadOnlyList<long> Nsus);
