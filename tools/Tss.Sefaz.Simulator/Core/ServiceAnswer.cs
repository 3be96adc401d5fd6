namespace Tss.Sefaz.Simulator.Core;

/// <summary>A service's answer: the ret element and what the exchange log records about it.</summary>
/// <param name="RetXml">The ret element, unformatted, NF-e namespace declared.</param>
/// <param name="cStat">The message-level cStat first, then each document's.</param>
public sealed record ServiceAnswer(string RetXml, IReadOnlyList<int> cStat)
{
    public string? idLote { get; init; }
    public string? nRec { get; init; }
    public IReadOnlyList<string> chNFe { get; init; } = [];
}
