using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Portal.Tenants;

namespace Tss.Portal.Pages.Tenant.Entities;

/// <summary>Adds an entity with its certificate, validated on the spot (nothing is saved when the certificate is refused).</summary>
[RequestSizeLimit(UploadedPfx.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedPfx.MaxFormBytes)]
public sealed class NewModel(PortalEntities entities, PortalTenants tenants) : PortalPageModel
{
    public string? Cnpj { get; private set; }
    public FieldErrors Errors { get; private set; } = [];
    public EntityFieldsView Fields { get; private set; } = new(true, null, null, 2, null, false, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The contracting company's CNPJ from the sign-up is the likely first entity.
        var profile = await tenants.GetProfileAsync(TenantId, ct);
        if ((await entities.ListAsync(TenantId, ct)).Count == 0)
        {
            Cnpj = profile?.Cnpj;
        }
    }

    public async Task<IActionResult> OnPostAsync(string? cnpj, string? uf, string? ie, int tpAmb, string? cscId, string? cscToken, IFormFile? pfx, string? pfxPassword, CancellationToken ct)
    {
        var bytes = await UploadedPfx.ReadAsync(pfx, ct);
        var (saved, errors) = await entities.SaveAsync(TenantId, new EntityForm(cnpj ?? "", ie, uf ?? "", tpAmb, cscId, cscToken, bytes, pfxPassword), isNew: true, ct);
        if (saved is not null)
        {
            Flash = $"Empresa {Format.Cnpj(saved.Cnpj)} cadastrada. Certificado válido até {Format.Date(saved.CertificateNotAfter)}.";
            return LocalRedirect($"/portal/entities/{saved.Cnpj}");
        }
        Cnpj = cnpj is { Length: <= 18 } ? cnpj : null;
        Errors = errors;
        Fields = new EntityFieldsView(true, uf, ie is { Length: <= 14 } ? ie : null, tpAmb, cscId is { Length: <= 6 } ? cscId : null, false, errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
