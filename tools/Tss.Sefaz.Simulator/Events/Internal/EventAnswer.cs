namespace Tss.Sefaz.Simulator.Events.Internal;

/// <summary>The retEvento built for one event of a lot.</summary>
internal sealed record EventAnswer(string chNFe, int cStat, string RetEventoXml);
