using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;
using Tss.Tenancy.Entities;

namespace Tss.Portal.Pages.Tenant.Entities;

/// <summary>Webhook (under the distributor's SSRF policy) and e-mail of one entity. The secret is never shown back.</summary>
public sealed class DistributionModel(PortalEntities entities) : PortalPageModel
{
    public EntityRecord Entity { get; private set; } = null!;
    public string? WebhookUrl { get; private set; }
    public string? Email { get; private set; }
    public bool HasSecret => Entity.HasWebhookSecret;
    public FieldErrors Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cnpj, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is not { } entity)
        {
            return NotFoundPage();
        }
        (Entity, WebhookUrl, Email) = (entity, entity.WebhookUrl, entity.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cnpj, string? webhookUrl, string? webhookSecret, string? email, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is not { } entity)
        {
            return NotFoundPage();
        }
        var (saved, errors) = await entities.SaveDistributionAsync(entity, new DistributionForm(webhookUrl, webhookSecret, email), ct);
        if (saved is not null)
        {
            Flash = "Configurações de distribuição salvas.";
            return LocalRedirect($"/portal/entities/{saved.Cnpj}/distribution");
        }
        (Entity, Errors) = (entity, errors);
        WebhookUrl = webhookUrl is { Length: <= 2000 } ? webhookUrl : null;
        Email = email is { Length: <= 254 } ? email : null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
