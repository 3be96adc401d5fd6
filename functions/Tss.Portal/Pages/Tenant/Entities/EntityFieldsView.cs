using Tss.Portal.Entities;

namespace Tss.Portal.Pages.Tenant.Entities;

/// <summary>What the shared entity fields show (values typed back after an error; never the CSC or a password).</summary>
public sealed record EntityFieldsView(bool IsNew, string? Uf, string? IE, int tpAmb, string? CscId, bool HasCsc, FieldErrors Errors);
