namespace Tss.Danfe.Model;

/// <summary>cobr/dup.</summary>
internal sealed record Duplicata(string? nDup, DateOnly? dVenc, decimal vDup);
