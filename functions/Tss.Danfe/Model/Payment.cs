namespace Tss.Danfe.Model;

/// <summary>pag/detPag (tPag code and value).</summary>
internal sealed record Payment(string tPag, string? xPag, decimal vPag);
