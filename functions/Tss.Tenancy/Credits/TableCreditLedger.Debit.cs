using Azure.Data.Tables;
using Tss.Tenancy.Credits.Internal;

namespace Tss.Tenancy.Credits;

public sealed partial class TableCreditLedger
{
    /// <summary>Debits per transaction: two rows each (idempotency + ledger line), the balance and a possible e-mail row within 100.</summary>
    private const int MaxDebitsPerTransaction = 49;

    public async Task<IReadOnlyList<DebitOutcome>> TryDebitManyAsync(string tenantId, IReadOnlyList<string> debitKeys, CancellationToken ct)
    {
        RequireTenant(tenantId);
        ArgumentNullException.ThrowIfNull(debitKeys);
        if (debitKeys.Any(k => !CreditRows.IsValidKey(k)))
        {
            throw new TenancyException(TenancyErrorCodes.Credits.DebitKeyInvalid, $"Chave de débito inválida (1 a {CreditRows.MaxKeyLength} caracteres).");
        }
        var outcomes = new DebitOutcome?[debitKeys.Count];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new List<int>();
        for (var i = 0; i < debitKeys.Count; i++)
        {
            if (first.TryAdd(debitKeys[i], i))
            {
                open.Add(i);
            }
        }
        var checkedExisting = false;
        for (var attempt = 1; open.Count > 0; attempt++)
        {
            if (attempt > MaxAttempts)
            {
                throw Contended(tenantId);
            }
            var (row, exists) = await ReadBalanceAsync(tenantId, ct).ConfigureAwait(false);
            var available = CreditRows.ToBalance(tenantId, row).Balance;
            if (available < open.Count && !checkedExisting)
            {
                // Not enough for all: keys debited before (a redelivery) must not be taken for new ones.
                open = await DropDebitedAsync(tenantId, debitKeys, open, outcomes, ct).ConfigureAwait(false);
                checkedExisting = true;
                continue;
            }
            var batch = open.Take((int)Math.Min(available, MaxDebitsPerTransaction)).ToList();
            if (!exists || batch.Count == 0)
            {
                break;
            }
            try
            {
                await CommitDebitsAsync(tenantId, row!, batch.Select(i => debitKeys[i]).ToList(), ct).ConfigureAwait(false);
                foreach (var i in batch)
                {
                    outcomes[i] = DebitOutcome.Debited;
                }
                open = [.. open.Except(batch)];
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // A key of the batch was debited already (by a redelivery or a concurrent assembler).
                var remaining = await DropDebitedAsync(tenantId, debitKeys, batch, outcomes, ct).ConfigureAwait(false);
                open = [.. open.Where(i => remaining.Contains(i) || !batch.Contains(i))];
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                await BackoffAsync(attempt, ct).ConfigureAwait(false);
            }
        }
        foreach (var i in open)
        {
            outcomes[i] = DebitOutcome.InsufficientCredits;
        }
        for (var i = 0; i < debitKeys.Count; i++)
        {
            outcomes[i] ??= first[debitKeys[i]] == i ? DebitOutcome.InsufficientCredits : outcomes[first[debitKeys[i]]] switch
            {
                DebitOutcome.InsufficientCredits => DebitOutcome.InsufficientCredits,
                _ => DebitOutcome.AlreadyDebited, // the same key twice in one call: debited once
            };
        }
        return [.. outcomes.Select(o => o!.Value)];
    }

    /// <summary>One transaction: the keys' idempotency rows and ledger lines, the balance (If-Match), and the low-balance e-mail when the threshold is crossed.</summary>
    private async Task CommitDebitsAsync(string tenantId, TableEntity balance, List<string> keys, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var before = CreditRows.ToBalance(tenantId, balance);
        var actions = new List<TableTransactionAction>(keys.Count * 2 + 2);
        var lines = CreditRows.Lines(balance);
        for (var i = 0; i < keys.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, CreditRows.Debit(keys[i])) { ["At"] = now }));
            actions.Add(new(TableTransactionActionType.Add, CreditRows.LedgerLine(tenantId, lines + i + 1, now, "debit", -1, before.Balance - i - 1, keys[i], null)));
        }
        var used = before.Used + keys.Count;
        balance["Used"] = used;
        balance["Lines"] = lines + keys.Count;
        actions.Add(new(TableTransactionActionType.UpdateReplace, balance, balance.ETag));
        var after = before.Balance - keys.Count;
        var crossing = before.LowBalanceThreshold is { } threshold && before.Balance >= threshold && after < threshold && before.LowBalanceEmail is not null;
        if (crossing)
        {
            // Written with the debit, so the e-mail exists exactly when the crossing does; the delayed message sent
            // first finds it even if this process dies before the immediate one below.
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, CreditRows.Notify(now, CreditRows.Nonce()))
            {
                ["Contracted"] = before.Contracted,
                ["Used"] = used,
                ["Balance"] = after,
                ["Threshold"] = before.LowBalanceThreshold!.Value,
                ["Email"] = before.LowBalanceEmail,
                ["CrossedAt"] = now,
            }));
            await queue.SendAsync(CreditOptions.NotifyQueue, new LowBalanceMessage(tenantId), _o.NotificationSafetyDelay, ct).ConfigureAwait(false);
        }
        await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        if (crossing)
        {
            Log.LowBalance(logger, tenantId, after, before.LowBalanceThreshold!.Value);
            await queue.SendAsync(CreditOptions.NotifyQueue, new LowBalanceMessage(tenantId), null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Point-reads the keys' idempotency rows; marks those found as already debited and returns the others.</summary>
    private async Task<List<int>> DropDebitedAsync(string tenantId, IReadOnlyList<string> keys, List<int> indexes, DebitOutcome?[] outcomes, CancellationToken ct)
    {
        var found = await Task.WhenAll(indexes.Select(i => ExistsAsync(tenantId, CreditRows.Debit(keys[i]), ct))).ConfigureAwait(false);
        var left = new List<int>();
        for (var j = 0; j < indexes.Count; j++)
        {
            if (found[j])
            {
                outcomes[indexes[j]] = DebitOutcome.AlreadyDebited;
            }
            else
            {
                left.Add(indexes[j]);
            }
        }
        return left;
    }
}
