using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tss.Portal.Credits;
using Tss.Portal.Hosting;
using Tss.Tenancy.Credits;

namespace Tss.Portal.Pages.Tenant;

/// <summary>Balance (contracted, used, balance), the ledger one page at a time, and the low-balance notification.</summary>
public sealed class CreditsModel(PortalCredits credits) : PortalPageModel
{
    public const int PageSize = 50;

    public CreditBalance? Balance { get; private set; }
    public IReadOnlyList<CreditLedgerEntry> Entries { get; private set; } = [];
    public string? NextToken { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct) => await LoadAsync(token is { Length: <= 2048 } ? token : null, ct);

    public async Task<IActionResult> OnPostAsync(string? threshold, string? email, CancellationToken ct)
    {
        if (credits.Ledger is not { } ledger)
        {
            return NotFoundPage();
        }
        long? limit = null;
        if (!string.IsNullOrWhiteSpace(threshold))
        {
            if (!long.TryParse(threshold.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 1_000_000_000)
            {
                Error = "Informe o limite como um número inteiro de créditos (ou deixe vazio para desligar o aviso).";
            }
            limit = parsed;
        }
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (Error is null && limit is not null && (address is null || address.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(address, out _)))
        {
            Error = "Informe um e-mail válido para receber o aviso.";
        }
        if (Error is not null)
        {
            await LoadAsync(null, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await ledger.SetLowBalanceNotificationAsync(TenantId, limit, address, ct);
        Flash = limit is null ? "Aviso de saldo baixo desligado." : "Aviso de saldo baixo salvo.";
        return LocalRedirect("/portal/credits");
    }

    private async Task LoadAsync(string? token, CancellationToken ct)
    {
        if (credits.Ledger is not { } ledger)
        {
            return;
        }
        Balance = await ledger.GetBalanceAsync(TenantId, ct);
        CreditLedgerPage page;
        try
        {
            page = await ledger.ListAsync(TenantId, PageSize, token, ct);
        }
        catch (Exception e) when (token is not null && e is not OperationCanceledException)
        {
            // A tampered or stale paging link: show the first page (the ledger reads only this tenant's entries anyway).
            page = await ledger.ListAsync(TenantId, PageSize, null, ct);
        }
        (Entries, NextToken) = (page.Entries, page.ContinuationToken);
    }
}
