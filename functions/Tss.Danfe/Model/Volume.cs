namespace Tss.Danfe.Model;

/// <summary>transp/vol.</summary>
internal sealed record Volume(decimal? qVol, string? esp, string? marca, string? nVol, decimal? pesoL, decimal? pesoB);
