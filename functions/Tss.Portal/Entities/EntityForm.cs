namespace Tss.Portal.Entities;

/// <summary>The fiscal data of an entity as typed in the portal; the certificate is optional on update.</summary>
public sealed record EntityForm(string Cnpj, string? IE, string Uf, int tpAmb, string? CscId, string? CscToken, byte[]? Pfx, string? PfxPassword);
