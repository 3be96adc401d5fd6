namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>One document in a party's distribution stream: its NSU, schema name (as docZip@schema) and XML.</summary>
/// <param name="chNFe">The access key the document is about (resNFe, procNFe, resEvento, procEventoNFe).</param>
public sealed record DistDocument(long Nsu, string Schema, string? chNFe, string Xml);
