namespace Tss.Mde.Documents;

/// <summary>A received document as the API lists it.</summary>
public sealed record MdeDocumentSummary(long Nsu, string Type, string Schema, string? chNFe, string? EmitCnpj, string? xNome, string? vNF,
    string? dhEmi, string? tpEvento, string? nProt, string? cSitNFe, DateTimeOffset ReceivedAt)
{
    public static MdeDocumentSummary From(MdeDocumentRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Nsu, r.Type, r.Schema, r.chNFe, r.EmitCnpj, r.xNome, r.vNF, r.dhEmi, r.tpEvento, r.nProt, r.cSitNFe, r.ReceivedAt);
    }
}
