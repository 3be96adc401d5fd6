using Azure;
using Azure.Data.Tables;

namespace Tss.Runtime.Tables;

/// <summary>
/// Table patterns the state machines stand on: read-mutate-write with ETag compare-and-swap, insert-if-absent,
/// and entity-group transactions split to the service's limits.
/// </summary>
public static class TableOperations
{
    /// <summary>Largest entity-group transaction the service accepts.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Reads the entity, applies <paramref name="mutate"/> and writes it back only if nobody changed it meanwhile
    /// (If-Match on the ETag read). On 412 it reads again and re-applies the mutation, up to
    /// <paramref name="maxAttempts"/> times, so concurrent writers never lose each other's updates.
    /// </summary>
    /// <param name="mutate">
    /// Changes the entity in place and returns true, or returns false when no write is needed. It may run several
    /// times, each time on a fresh copy: keep it free of side effects.
    /// </param>
    /// <exception cref="TableConcurrencyException">Every attempt met a concurrent change.</exception>
    public static async Task<TableUpdateResult<T>> UpdateWithRetryAsync<T>(
        this TableClient table, string partitionKey, string rowKey, Func<T, bool> mutate, int maxAttempts = 10, CancellationToken ct = default)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mutate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var read = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false);
            if (!read.HasValue)
            {
                return new TableUpdateResult<T>(TableUpdateStatus.NotFound, null, attempt);
            }
            var entity = read.Value!;
            if (!mutate(entity))
            {
                return new TableUpdateResult<T>(TableUpdateStatus.Unchanged, entity, attempt);
            }
            try
            {
                var written = await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                entity.ETag = written.Headers.ETag ?? entity.ETag;
                return new TableUpdateResult<T>(TableUpdateStatus.Updated, entity, attempt);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone wrote first: back off a little (random, growing) so hot writers do not collide in lockstep.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return new TableUpdateResult<T>(TableUpdateStatus.NotFound, null, attempt);
            }
        }
        throw new TableConcurrencyException(
            $"Entity {partitionKey}/{rowKey} in table {table.Name} changed concurrently on each of {maxAttempts} attempts.");
    }

    /// <summary>
    /// Inserts <paramref name="entity"/> unless an entity with its keys exists; then returns the existing one
    /// (409 is an answer here, not an error). This is how an idempotent handler claims a key.
    /// </summary>
    public static async Task<TableInsertResult<T>> InsertIfAbsentAsync<T>(this TableClient table, T entity, CancellationToken ct = default)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        // Bounded: only a concurrent delete between our 409 and our read sends us round again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var added = await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                entity.ETag = added.Headers.ETag ?? entity.ETag;
                return new TableInsertResult<T>(entity, true);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var existing = await table.GetEntityIfExistsAsync<T>(entity.PartitionKey, entity.RowKey, cancellationToken: ct).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    return new TableInsertResult<T>(existing.Value!, false);
                }
                if (attempt >= 3)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Submits <paramref name="actions"/> as entity-group transactions: grouped by partition key (order kept within
    /// a partition) and split into chunks of at most 100. Each chunk is atomic; the whole set is not, so a failure
    /// (<see cref="TableTransactionFailedException"/>) leaves earlier chunks applied: make the actions idempotent
    /// (upserts, ETag-checked updates). A chunk may not touch the same row twice, and must stay under 4 MiB.
    /// </summary>
    /// <returns>The number of transactions submitted.</returns>
    public static async Task<int> SubmitInTransactionsAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        var submitted = 0;
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxTransactionActions))
            {
                await table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);
                submitted++;
            }
        }
        return submitted;
    }
}
