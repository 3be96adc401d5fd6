namespace Tss.Danfe.Model;

/// <summary>transp: carrier, vehicle and volumes.</summary>
internal sealed record Transport(
    int modFrete, string? Name, string? Document, string? IE, string? xEnder, string? xMun, string? UF, string? Placa, string? PlacaUF, string? RNTC,
    IReadOnlyList<Volume> Volumes);
