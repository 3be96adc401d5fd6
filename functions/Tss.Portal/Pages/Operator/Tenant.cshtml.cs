using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Tss.Portal.Accounts;
using Tss.Portal.Credits;
using Tss.Portal.Entities;
using Tss.Portal.Tenants;
using Tss.Tenancy;
using Tss.Tenancy.Credits;
using Tss.Tenancy.Tenants;

namespace Tss.Portal.Pages.Operator;

/// <summary>One tenant for an operator: profile, balance, top-up (idempotent by the reference the form carries).</summary>
public sealed class TenantModel(TenancyAdmin admin, PortalTenants tenants, PortalEntities entities, PortalCredits ledgers, ILogger<TenantModel> logger) : PageModel
{
    public const long MaxTopUp = 10_000_000;

    public TenantRecord Tenant { get; private set; } = null!;
    public TenantProfile? Profile { get; private set; }
    public int EntityCount { get; private set; }
    public CreditBalance? Balance { get; private set; }
    public string NewReference { get; } = "portal-" + Guid.NewGuid().ToString("N");
    public string? Error { get; private set; }
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string tenantId, CancellationToken ct) =>
        await LoadAsync(tenantId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string tenantId, string? credits, string? reference, CancellationToken ct)
    {
        if (!await LoadAsync(tenantId, ct) || ledgers.Ledger is not { } ledger)
        {
            return NotFound();
        }
        if (!long.TryParse(credits?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is < 1 or > MaxTopUp)
        {
            Error = $"Informe um número inteiro de créditos entre 1 e {MaxTopUp:N0}.";
        }
        else if (reference is not { Length: > 8 and <= 100 } || !reference.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Error = "Formulário inválido; recarregue a página.";
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var balance = await ledger.TopUpAsync(tenantId, amount, reference!, User.GetPortalEmail(), ct);
        Log.CreditsToppedUp(logger, tenantId, amount, reference!);
        Flash = $"Recarga registrada ({reference}). Saldo: {balance.Balance}.";
        return LocalRedirect($"/portal/operator/tenants/{tenantId}");
    }

    private async Task<bool> LoadAsync(string tenantId, CancellationToken ct)
    {
        if (await admin.GetTenantAsync(tenantId, ct) is not { } tenant)
        {
            return false;
        }
        Tenant = tenant;
        Profile = await tenants.GetProfileAsync(tenantId, ct);
        EntityCount = (await entities.ListAsync(tenantId, ct)).Count;
        Balance = await ledgers.GetBalanceAsync(tenantId, ct);
        return true;
    }
}
