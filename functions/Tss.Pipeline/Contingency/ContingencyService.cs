using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Contingency;

/// <summary>
/// The contingency policy's shared state: one Table row per authorizer (UF × model × tpAmb) for every instance and tenant,
/// updated with ETag compare-and-swap, and every mode switch appended to the decision log with its signals. Signals that
/// change nothing (an answer while normal) are skipped against a short in-process cache, so normal operation costs no
/// storage transaction per document.
/// </summary>
public sealed partial class ContingencyService(
    TableServiceClient tables,
    SefazEndpoints endpoints,
    IOptions<ContingencyOptions> options,
    TimeProvider time,
    ILogger<ContingencyService> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private readonly ContingencyOptions _o = options.Value;
    private readonly ConcurrentDictionary<string, (ContingencyState State, DateTimeOffset ReadAt)> _cache = new();

    private Task? _created;

    private TableClient States => tables.GetTableClient(_o.StateTable);

    private TableClient Decisions => tables.GetTableClient(_o.DecisionsTable);

    /// <summary>Creates the Tables once per process (idempotent; two requests at first use).</summary>
    public Task EnsureCreatedAsync(CancellationToken ct)
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = Task.WhenAll(States.CreateIfNotExistsAsync(ct), Decisions.CreateIfNotExistsAsync(ct));
        }

        return created;
    }

    /// <summary>Where contingency documents of this authorizer go: "SVC-AN"/"SVC-RS" for NF-e, "off-line" for NFC-e.</summary>
    public string Via(AuthorizerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Model != 55)
        {
            return "off-line";
        }

        try
        {
            return endpoints.ResolveContingency(new SefazTarget(key.Uf, key.Model, key.tpAmb), SefazService.NFeAutorizacao4).Authorizer;
        }
        catch (SefazException)
        {
            return "SVC";
        }
    }

    /// <summary>Feeds one signal seen at the normal authorizer by an entity; returns the decision when the mode switched.</summary>
    public async Task<ContingencyDecision?> ReportAsync(AuthorizerKey key, ContingencySignal signal, string? tenantId, string? cnpj,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(signal);
        if (_cache.TryGetValue(key.RowKey, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheFor
            && Unchanged(cached.State, ContingencyPolicy.Apply(cached.State, signal, _o, key, Via(key)).State))
        {
            return null;
        }

        return await UpdateAsync(key, state => ContingencyPolicy.Apply(state, signal, _o, key, Via(key)), tenantId, cnpj, ct)
            .ConfigureAwait(false);
    }

    /// <summary>The operator forces, forbids or frees contingency for an authorizer.</summary>
    public async Task<ContingencyView> ImposeAsync(AuthorizerKey key, OperatorOverride imposed, string? who, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await UpdateAsync(key, state => ContingencyPolicy.Impose(state, imposed, time.GetUtcNow(), key, Via(key), who), null, null, ct)
            .ConfigureAwait(false);
        Log.ContingencyOverride(logger, key.RowKey, imposed, who);
        return await GetAsync(key, ct).ConfigureAwait(false);
    }

    /// <summary>The operator forces, forbids or frees contingency for one entity (all its authorizers).</summary>
    public async Task ImposeOnEntityAsync(string tenantId, string cnpj, OperatorOverride imposed, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var key = ContingencyRows.EntityRowKey(tenantId, cnpj);
        if (imposed == OperatorOverride.None)
        {
            await States.DeleteEntityAsync(ContingencyRows.EntityPartition, key, ETag.All, ct).ConfigureAwait(false);
        }
        else
        {
            await States.UpsertEntityAsync(new TableEntity(ContingencyRows.EntityPartition, key)
            {
                ["Override"] = imposed.ToString(),
                ["Since"] = time.GetUtcNow(),
            },
                TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }

        _entities.TryRemove(key, out _);
        Log.ContingencyOverride(logger, key, imposed, null);
    }

    /// <summary>The entity's override, if any.</summary>
    public async Task<OperatorOverride> EntityOverrideAsync(string tenantId, string cnpj, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await States.GetEntityIfExistsAsync<TableEntity>(ContingencyRows.EntityPartition,
            ContingencyRows.EntityRowKey(tenantId, cnpj), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && Enum.TryParse<OperatorOverride>(row.Value!.GetString("Override"), out var o) ? o : OperatorOverride.None;
    }

    /// <summary>
    /// How a new document of this entity for this authorizer is issued now: the entity's override, else the authorizer's
    /// mode; always normal where contingency is not allowed.
    /// </summary>
    public async Task<ContingencyMode> ModeForAsync(AuthorizerKey key, string tenantId, string cnpj, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsAllowed(key))
        {
            return ContingencyMode.Normal;
        }

        var entity = await EntityOverrideAsync(tenantId, cnpj, ct).ConfigureAwait(false);
        return entity switch
        {
            OperatorOverride.Force or OperatorOverride.Epec => ContingencyMode.Contingency,
            OperatorOverride.Forbid => ContingencyMode.Normal,
            _ => (await ReadCachedAsync(key, ct).ConfigureAwait(false)).Mode,
        };
    }

    /// <summary>Whether contingency emission is allowed for this authorizer (not in <see cref="ContingencyOptions.DisallowedUfs"/>).</summary>
    public bool IsAllowed(AuthorizerKey key) =>
        !_o.DisallowedUfs.Contains(key?.Uf ?? "", StringComparer.OrdinalIgnoreCase);

    /// <summary>One authorizer's state.</summary>
    public async Task<ContingencyView> GetAsync(AuthorizerKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (state, _) = await ReadAsync(key, ct).ConfigureAwait(false);
        return View(key, state);
    }

    /// <summary>Every authorizer with a recorded state.</summary>
    public async Task<IReadOnlyList<ContingencyView>> ListAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var views = new List<ContingencyView>();
        await foreach (var row in States.QueryAsync<TableEntity>(e => e.PartitionKey == ContingencyRows.AuthorizerPartition,
            cancellationToken: ct).ConfigureAwait(false))
        {
            if (AuthorizerKey.Parse(row.RowKey) is { } key)
            {
                views.Add(View(key, ContingencyRows.ReadState(row)));
            }
        }

        return views;
    }

    /// <summary>The decision log of an authorizer, newest first.</summary>
    public async Task<IReadOnlyList<ContingencyDecision>> DecisionsAsync(AuthorizerKey key, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var decisions = new List<ContingencyDecision>();
        await foreach (var row in Decisions.QueryAsync<TableEntity>(e => e.PartitionKey == key.RowKey, maxPerPage: take,
            cancellationToken: ct).ConfigureAwait(false))
        {
            decisions.Add(ContingencyRows.ReadDecision(row));
            if (decisions.Count >= take)
            {
                break;
            }
        }

        return decisions;
    }

    /// <summary>Authorizers in contingency with the entity that last reported for them (to ask their status).</summary>
    public async Task<IReadOnlyList<(AuthorizerKey Key, string TenantId, string Cnpj)>> InContingencyAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = new List<(AuthorizerKey, string, string)>();
        await foreach (var row in States.QueryAsync<TableEntity>(e => e.PartitionKey == ContingencyRows.AuthorizerPartition,
            cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.GetString("Mode") == nameof(ContingencyMode.Contingency) && AuthorizerKey.Parse(row.RowKey) is { } key
                && row.GetString("ProbeTenant") is { } tenant && row.GetString("ProbeCnpj") is { } cnpj)
            {
                found.Add((key, tenant, cnpj));
            }
        }

        return found;
    }

    private ContingencyView View(AuthorizerKey key, ContingencyState s) =>
        new(key.Uf, key.Model, key.tpAmb, s.Mode, s.Since, s.Mode == ContingencyMode.Contingency ? Via(key) : null, s.Override,
            s.Failures.Count, s.OkStatuses, s.Reason);

    private static bool Unchanged(ContingencyState a, ContingencyState b) =>
        a.Mode == b.Mode && a.OkStatuses == b.OkStatuses && a.Override == b.Override && a.Failures.SequenceEqual(b.Failures);
}
