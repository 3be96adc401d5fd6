namespace Tss.Danfe.Model;

/// <summary>protNFe/infProt of the authorization.</summary>
internal sealed record Authorization(string nProt, DateTimeOffset dhRecbto, int cStat);
