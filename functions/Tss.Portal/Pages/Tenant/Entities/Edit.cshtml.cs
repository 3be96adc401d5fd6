using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Tenancy.Entities;

namespace Tss.Portal.Pages.Tenant.Entities;

/// <summary>One entity of the tenant: certificate facts, fiscal data, certificate replacement.</summary>
[RequestSizeLimit(UploadedPfx.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedPfx.MaxFormBytes)]
public sealed class EditModel(PortalEntities entities, TimeProvider time, IOptions<PortalOptions> options) : PortalPageModel
{
    public EntityRecord Entity { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = [];
    public EntityFieldsView Fields { get; private set; } = null!;

    public CertificateStatus Certificate => new(Entity.CertificateNotAfter, time.GetUtcNow(), options.Value.CertificateWarningDays);

    public async Task<IActionResult> OnGetAsync(string cnpj, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is not { } entity)
        {
            return NotFoundPage();
        }
        Entity = entity;
        Fields = new EntityFieldsView(false, entity.Uf, entity.IE, entity.tpAmb, entity.NfceCscId, entity.HasNfceCscToken, Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cnpj, string? uf, string? ie, int tpAmb, string? cscId, string? cscToken, IFormFile? pfx, string? pfxPassword, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is null)
        {
            return NotFoundPage();
        }
        var bytes = await UploadedPfx.ReadAsync(pfx, ct);
        var (saved, errors) = await entities.SaveAsync(TenantId, new EntityForm(cnpj, ie, uf ?? "", tpAmb, cscId, cscToken, bytes, pfxPassword), isNew: false, ct);
        if (saved is not null)
        {
            Flash = bytes is null ? "Dados salvos." : $"Certificado trocado; válido até {Format.Date(saved.CertificateNotAfter)}.";
            return LocalRedirect($"/portal/entities/{saved.Cnpj}");
        }
        Entity = (await entities.GetAsync(TenantId, cnpj, ct))!;
        Errors = errors;
        Fields = new EntityFieldsView(false, uf, ie is { Length: <= 14 } ? ie : null, tpAmb, cscId is { Length: <= 6 } ? cscId : null, Entity.HasNfceCscToken, errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
