namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>
/// The distribution state SEFAZ keeps for one interested CNPJ: its document stream (NSU order) and the NT 2014.002
/// consumption bookkeeping. Guarded by the owning <see cref="DistributionStore"/>'s lock.
/// </summary>
internal sealed class DistParty(string cnpj)
{
    public string Cnpj { get; } = cnpj;
    public List<DistDocument> Documents { get; } = [];
    public Dictionary<string, SeededNfe> Nfes { get; } = new(StringComparer.Ordinal);
    public List<DistViolation> Violations { get; } = [];
    public long? LastRequested { get; set; }
    public long? LastReturned { get; set; }
    public DateTimeOffset? QuietUntil { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
    public DateTimeOffset? QueryWindowStart { get; set; }
    public int QueryCount { get; set; }
    public int Requests { get; set; }
    public int InFlight { get; set; }
    public int MaxInFlight { get; set; }
    public long MaxNsu => Documents.Count == 0 ? 0 : Documents[^1].Nsu;

    public DistDocument Append(string schema, string? chNFe, string xml)
    {
        var document = new DistDocument(MaxNsu + 1, schema, chNFe, xml);
        Documents.Add(document);
        return document;
    }
}
