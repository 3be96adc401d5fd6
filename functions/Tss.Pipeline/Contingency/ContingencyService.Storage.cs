using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Tss.Pipeline.Contingency;

public sealed partial class ContingencyService
{
    private const int MaxAttempts = 10;

    /// <summary>Read, decide, write with If-Match (insert when new); on a conflict read again and decide again.</summary>
    private async Task<ContingencyDecision?> UpdateAsync(AuthorizerKey key,
        Func<ContingencyState, (ContingencyState State, ContingencyDecision? Decision)> decide, string? tenantId, string? cnpj,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, row) = await ReadAsync(key, ct).ConfigureAwait(false);
            var (next, decision) = decide(state);
            var probeTenant = tenantId ?? row?.GetString("ProbeTenant");
            var probeCnpj = cnpj ?? row?.GetString("ProbeCnpj");
            if (row is not null && decision is null && Unchanged(state, next) && probeTenant == row.GetString("ProbeTenant")
                && probeCnpj == row.GetString("ProbeCnpj"))
            {
                return null;
            }

            var entity = ContingencyRows.WriteState(key, next, probeTenant, probeCnpj, time.GetUtcNow());
            try
            {
                if (row is null)
                {
                    await States.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                else
                {
                    await States.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                Log.ContingencyConflict(logger, key.RowKey, attempt);
                continue;
            }

            _cache[key.RowKey] = (next, time.GetUtcNow());
            if (decision is not null)
            {
                // After the state: a crash between the two loses a log row, never a switch (the state row carries the reason).
                await Decisions.AddEntityAsync(ContingencyRows.WriteDecision(decision), ct).ConfigureAwait(false);
                Log.ContingencyDecided(logger, key.RowKey, decision.From, decision.To, decision.Trigger, decision.Message);
            }

            return decision;
        }
    }

    private async Task<(ContingencyState State, TableEntity? Row)> ReadAsync(AuthorizerKey key, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await States.GetEntityIfExistsAsync<TableEntity>(ContingencyRows.AuthorizerPartition, key.RowKey,
            cancellationToken: ct).ConfigureAwait(false);
        var state = row.HasValue ? ContingencyRows.ReadState(row.Value!) : ContingencyState.Initial;
        _cache[key.RowKey] = (state, time.GetUtcNow());
        return (state, row.HasValue ? row.Value : null);
    }

    private async Task<ContingencyState> ReadCachedAsync(AuthorizerKey key, CancellationToken ct) =>
        _cache.TryGetValue(key.RowKey, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheFor
            ? cached.State
            : (await ReadAsync(key, ct).ConfigureAwait(false)).State;
}
