using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;

namespace Tss.Pipeline.Contingency;

public sealed partial class ContingencyService
{
    private const string CancellationEvent = "110111";
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);
    private readonly ConcurrentDictionary<string, (OperatorOverride Override, DateTimeOffset? Since, DateTimeOffset ReadAt)> _entities = new();

    /// <summary>The tpEmis of the UF's SVC for NF-e (6 SVC-AN, 7 SVC-RS); null when the UF has none (or for NFC-e).</summary>
    public int? SvcTpEmis(AuthorizerKey key) => Via(key) switch
    {
        "SVC-AN" => 6,
        "SVC-RS" => 7,
        _ => null,
    };

    /// <summary>
    /// How a new NF-e of this entity for this authorizer is issued now: null for normal (tpEmis 1); otherwise the SVC
    /// form with dhCont (when the authorizer, or the entity's forced override, entered contingency) and a justification
    /// that says why. Reads are cached for two seconds, so a busy ingest costs no storage transaction per request.
    /// </summary>
    public async Task<ContingencyIssue?> IssueForAsync(AuthorizerKey key, string tenantId, string cnpj, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Model != 55 || !IsAllowed(key))
        {
            return null;
        }

        var entity = await EntityCachedAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        if (entity.Override == OperatorOverride.Epec)
        {
            var chosenAt = entity.Since ?? time.GetUtcNow();
            return new ContingencyIssue(4, "EPEC", chosenAt, Fit(string.Create(CultureInfo.InvariantCulture,
                $"Contingencia EPEC escolhida pelo emitente em {Local(chosenAt)} (horario de Brasilia) - EPEC registrado no Ambiente Nacional")));
        }
        if (SvcTpEmis(key) is not { } tpEmis)
        {
            return null;
        }

        var via = Via(key);
        switch (entity.Override)
        {
            case OperatorOverride.Forbid:
                return null;
            case OperatorOverride.Force:
                var forcedAt = entity.Since ?? time.GetUtcNow();
                return new ContingencyIssue(tpEmis, via, forcedAt, Fit(string.Create(CultureInfo.InvariantCulture,
                    $"Contingencia {via} imposta ao emitente pelo operador em {Local(forcedAt)} - {_o.Justification}")));
        }

        var state = await ReadCachedAsync(key, ct).ConfigureAwait(false);
        if (state.Mode != ContingencyMode.Contingency)
        {
            return null;
        }

        var since = state.Since ?? time.GetUtcNow();
        var cause = state.Override == OperatorOverride.Force ? "contingencia imposta pelo operador" : "autorizador indisponivel";
        return new ContingencyIssue(tpEmis, via, since, Fit(string.Create(CultureInfo.InvariantCulture,
            $"SEFAZ {key.Uf} {cause} - contingencia {via} ativada em {Local(since)} (horario de Brasilia)")));
    }

    /// <summary>
    /// Where an event on a document goes: a cancellation (110111) of a key authorized by an SVC (tpEmis 6 SVC-AN,
    /// 7 SVC-RS) goes to that SVC while the UF's authorizer is in contingency; null (the UF's own authorizer) otherwise.
    /// The SVC cancels only the NF-e it authorized and offers no CC-e: a CC-e on an SVC key goes to the UF, which
    /// receives the SVC's documents, and waits (its batch retries) while the UF is down (README, Contingency).
    /// </summary>
    public async Task<string?> EventSvcAsync(AuthorizerKey key, string chNFe, string tpEvento, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chNFe);
        if (tpEvento != CancellationEvent)
        {
            return null;
        }

        var svc = chNFe.Length == 44 ? chNFe[34] switch { '6' => "SVC-AN", '7' => "SVC-RS", _ => null } : null;
        return svc is not null && (await ReadCachedAsync(key, ct).ConfigureAwait(false)).Mode == ContingencyMode.Contingency ? svc : null;
    }

    private async Task<(OperatorOverride Override, DateTimeOffset? Since)> EntityCachedAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        var rowKey = ContingencyRows.EntityRowKey(tenantId, cnpj);
        if (_entities.TryGetValue(rowKey, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheFor)
        {
            return (cached.Override, cached.Since);
        }

        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await States.GetEntityIfExistsAsync<TableEntity>(ContingencyRows.EntityPartition, rowKey, cancellationToken: ct)
            .ConfigureAwait(false);
        var imposed = row.HasValue && Enum.TryParse<OperatorOverride>(row.Value!.GetString("Override"), out var o) ? o : OperatorOverride.None;
        var since = row.HasValue ? row.Value!.GetDateTimeOffset("Since") ?? row.Value!.Timestamp : null;
        _entities[rowKey] = (imposed, since, time.GetUtcNow());
        return (imposed, since);
    }

    private static string Local(DateTimeOffset at) =>
        at.ToOffset(Brasilia).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Fit(string text) => text.Length <= 256 ? text : text[..256];
}
