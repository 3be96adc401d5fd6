namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>Body of PUT /admin/nfce/{cnpj}/csc/{idCsc}.</summary>
/// <param name="Csc">The CSC: 16–36 letters and digits.</param>
public sealed record CscRequest(string? Csc);
