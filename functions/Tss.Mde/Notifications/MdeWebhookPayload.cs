namespace Tss.Mde.Notifications;

/// <summary>The JSON body of an "mde.document" webhook (one per received document).</summary>
public sealed record MdeWebhookPayload(string Event, string Cnpj, long Nsu, string Type, string Schema, string? chNFe, string? EmitCnpj,
    string? xNome, string? vNF, string XmlPath);
