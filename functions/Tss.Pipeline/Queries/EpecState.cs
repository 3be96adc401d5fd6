namespace Tss.Pipeline.Queries;

/// <summary>The EPEC of an NF-e issued in EPEC contingency (tpEmis 4), as the status API shows it.</summary>
/// <param name="Status">Awaiting, Sending, Registered, Rejected or Superseded (see Tss.Pipeline.Epec.EpecStatus).</param>
/// <param name="nProt">The Ambiente Nacional's registration protocol (null until registered, or when a 573 confirmed it).</param>
/// <param name="dhRegEvento">When the AN registered it.</param>
public sealed record EpecState(string Status, string? nProt, DateTimeOffset? dhRegEvento);
