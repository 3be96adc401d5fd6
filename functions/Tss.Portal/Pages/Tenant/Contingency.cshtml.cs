using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Queries;
using Tss.Portal.Entities;
using Tss.Portal.Hosting;

namespace Tss.Portal.Pages.Tenant;

/// <summary>
/// Contingency as the tenant sees it: the mode of each authorizer its entities issue to (UF × model × environment) with
/// the reason and recent decisions of the shared decision log, and each entity's own override with a form to change it
/// (Force/Forbid/None, the tenant's own entities only). Everything is read through <see cref="ContingencyService"/>.
/// </summary>
public sealed class ContingencyModel(ContingencyService contingency, PortalEntities entities, DocumentQueries documents) : PortalPageModel
{
    /// <summary>Decisions shown per authorizer.</summary>
    public const int DecisionsShown = 5;

    public IReadOnlyList<AuthorizerRow> Authorizers { get; private set; } = [];
    public IReadOnlyList<EntityRow> Entities { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>NFC-e issued off-line still waiting for their authorization, across the tenant's companies.</summary>
    public int OfflinePending { get; private set; }

    /// <summary>Of those, the ones within 4 h of their 24 h limit.</summary>
    public int OfflineNearLimit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? cnpj, string? mode, CancellationToken ct)
    {
        if (await entities.GetAsync(TenantId, cnpj, ct) is not { } entity)
        {
            return NotFoundPage();
        }
        if (!Enum.TryParse<OperatorOverride>(mode, ignoreCase: false, out var imposed) || !Enum.IsDefined(imposed) || int.TryParse(mode, out _))
        {
            Error = "Escolha Forçar, Proibir ou Automático.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        await contingency.ImposeOnEntityAsync(TenantId, entity.Cnpj, imposed, ct);
        Flash = $"Contingência de {Format.Cnpj(entity.Cnpj)}: {OverrideText(imposed)}.";
        return LocalRedirect("/portal/contingency");
    }

    /// <summary>How an override reads in the page.</summary>
    public static string OverrideText(OperatorOverride o) => o switch
    {
        OperatorOverride.Force => "forçada (emite em contingência)",
        OperatorOverride.Forbid => "proibida (nunca emite em contingência)",
        OperatorOverride.Epec => "EPEC (emite com tpEmis 4 e registra o EPEC no Ambiente Nacional)",
        _ => "automática (segue o estado da SEFAZ)",
    };

    /// <summary>The line for an authorizer's mode.</summary>
    public static string ModeText(ContingencyView v) => v.Mode == ContingencyMode.Contingency
        ? v.Reason ?? $"{v.Uf} em contingência {v.Via} desde {Format.Date(v.Since)}"
        : $"{v.Uf} normal" + (v.Since is { } since ? $" desde {Format.Date(since)}" : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = await entities.ListAsync(TenantId, ct);
        var targets = mine.Select(e => (e.Uf, e.tpAmb)).ToHashSet();
        var rows = new List<AuthorizerRow>();
        foreach (var view in (await contingency.ListAsync(ct)).Where(v => targets.Contains((v.Uf, v.tpAmb)))
                     .OrderBy(v => v.Uf, StringComparer.Ordinal).ThenBy(v => v.Model).ThenBy(v => v.tpAmb))
        {
            var decisions = await contingency.DecisionsAsync(new AuthorizerKey(view.Uf, view.Model, view.tpAmb), DecisionsShown, ct);
            rows.Add(new AuthorizerRow(view, contingency.IsAllowed(new AuthorizerKey(view.Uf, view.Model, view.tpAmb)), decisions));
        }
        Authorizers = rows;
        var entityRows = new List<EntityRow>();
        foreach (var e in mine.OrderBy(e => e.Cnpj, StringComparer.Ordinal))
        {
            entityRows.Add(new EntityRow(e.Cnpj, e.Uf, e.tpAmb, await contingency.EntityOverrideAsync(TenantId, e.Cnpj, ct),
                targets.Contains((e.Uf, e.tpAmb)) && rows.Any(r => r.View.Uf == e.Uf && r.View.tpAmb == e.tpAmb)));
        }
        Entities = entityRows;
        (OfflinePending, OfflineNearLimit) = (0, 0);
        foreach (var e in mine)
        {
            var page = await documents.ListAsync(new DocumentListQuery(TenantId, e.Cnpj, PageSize: DocumentListQuery.MaxPageSize) { OfflinePending = true }, ct);
            OfflinePending += page.Documents.Count;
            OfflineNearLimit += page.Documents.Count(d => d.Offline is { NearLimit: true });
        }
    }

    /// <summary>An authorizer with its state, whether contingency is allowed there, and its latest decisions (newest first).</summary>
    public sealed record AuthorizerRow(ContingencyView View, bool Allowed, IReadOnlyList<ContingencyDecision> Decisions);

    /// <summary>An entity with its override; <paramref name="Seen"/> is false when its authorizer has no recorded state yet.</summary>
    public sealed record EntityRow(string Cnpj, string Uf, int tpAmb, OperatorOverride Override, bool Seen);
}
