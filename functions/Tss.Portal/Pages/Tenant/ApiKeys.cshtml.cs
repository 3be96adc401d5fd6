using Microsoft.AspNetCore.Mvc;
using Tss.Portal.Hosting;
using Tss.Tenancy;
using Tss.Tenancy.ApiKeys;

namespace Tss.Portal.Pages.Tenant;

/// <summary>The tenant's API keys: create (the key is in this one response only), list, revoke (only the tenant's own).</summary>
public sealed class ApiKeysModel(TenancyAdmin admin) : PortalPageModel
{
    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];
    public CreatedApiKey? Created { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (name is { Length: > 100 })
        {
            Error = "O nome da chave deve ter no máximo 100 caracteres.";
        }
        else
        {
            Created = await admin.CreateApiKeyAsync(TenantId, name, ct);
        }
        Keys = await ListAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? keyId, CancellationToken ct)
    {
        // RevokeApiKeyAsync takes any key id: check it is one of this tenant's first, answering 404 otherwise.
        if (keyId is null || !(await ListAsync(ct)).Any(k => k.KeyId == keyId))
        {
            return NotFoundPage();
        }
        await admin.RevokeApiKeyAsync(keyId, ct);
        Flash = $"Chave {keyId} revogada.";
        return LocalRedirect("/portal/apikeys");
    }

    private async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct) =>
        [.. (await admin.ListApiKeysAsync(TenantId, ct)).OrderByDescending(k => k.CreatedAt)];
}
