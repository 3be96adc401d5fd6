namespace Tss.Danfe;

/// <summary>The Ambiente Nacional's registration of an EPEC (event 110140): its protocol (null when only a 573 confirmed
/// it) and when it was registered.</summary>
public sealed record DanfeEpec(string? nProt, DateTimeOffset dhRegEvento);
