namespace Tss.Mde.Queries;

/// <summary>An on-demand query: by access key (consChNFe) or by NSU (consNSU); exactly one is set.</summary>
public sealed record MdeQuery(string? chNFe, long? Nsu);
