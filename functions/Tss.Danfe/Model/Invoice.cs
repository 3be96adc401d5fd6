namespace Tss.Danfe.Model;

/// <summary>cobr: fatura (fat) and duplicatas.</summary>
internal sealed record Invoice(string? nFat, decimal? vOrig, decimal? vDesc, decimal? vLiq, IReadOnlyList<Duplicata> Duplicatas);
