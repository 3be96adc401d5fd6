namespace Tss.Sefaz.Simulator.Epec;

/// <summary>One registered EPEC as the admin API lists it.</summary>
public sealed record EpecView(string chNFe, string nProt, DateTimeOffset dhRegEvento);
