namespace Tss.Portal.Entities;

/// <summary>Webhook and e-mail of an entity. An empty secret keeps the current one.</summary>
public sealed record DistributionForm(string? WebhookUrl, string? WebhookSecret, string? Email);
