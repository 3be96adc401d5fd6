using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Tss.Runtime.Queues;
using Tss.Runtime.Tables;
using Tss.Tenancy.Credits.Internal;
using Tss.Tenancy.Tenants;

namespace Tss.Tenancy.Credits;

/// <summary>
/// <see cref="ICreditLedger"/> on Azure Tables: one partition per tenant in the credits table. Every change is one
/// entity-group transaction that inserts its idempotency row ("debit|{key}" or "topup|{reference}" — a second insert
/// fails, so a key is applied once), appends its ledger lines and rewrites the balance row with If-Match (a concurrent
/// change, 412, is retried on a fresh read). The balance never goes below zero.
/// </summary>
public sealed partial class TableCreditLedger(
    TableServiceClient tables,
    IQueueSender queue,
    IEnumerable<ICreditTopUpObserver> observers,
    IOptions<CreditOptions> options,
    TimeProvider time,
    ILogger<TableCreditLedger> logger) : ICreditLedger
{
    private const int MaxAttempts = 60;
    private const long MaxAmount = 1_000_000_000;
    private const int MaxPageSize = 1000;
    private readonly CreditOptions _o = options.Value;

    private TableClient Table => tables.GetTableClient(_o.Table);

    public async Task<CreditBalance> GetBalanceAsync(string tenantId, CancellationToken ct)
    {
        RequireTenant(tenantId);
        var (row, _) = await ReadBalanceAsync(tenantId, ct).ConfigureAwait(false);
        return CreditRows.ToBalance(tenantId, row);
    }

    public async Task<CreditBalance> TopUpAsync(string tenantId, long credits, string reference, string by, CancellationToken ct)
    {
        RequireTenant(tenantId);
        if (credits is <= 0 or > MaxAmount)
        {
            throw new TenancyException(TenancyErrorCodes.Credits.AmountInvalid, $"Informe uma quantidade de créditos entre 1 e {MaxAmount}.");
        }
        if (!CreditRows.IsValidKey(reference) || (by is not null && by.Length > CreditRows.MaxKeyLength))
        {
            throw new TenancyException(TenancyErrorCodes.Credits.ReferenceInvalid, $"Informe uma referência de 1 a {CreditRows.MaxKeyLength} caracteres para a recarga.");
        }
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (row, exists) = await ReadBalanceAsync(tenantId, ct).ConfigureAwait(false);
            var balance = row ?? CreditRows.NewBalance(tenantId);
            var now = time.GetUtcNow();
            var contracted = (balance.GetInt64("Contracted") ?? 0) + credits;
            var after = contracted - (balance.GetInt64("Used") ?? 0);
            balance["Contracted"] = contracted;
            var lineNumber = CreditRows.Lines(balance) + 1;
            balance["Lines"] = lineNumber;
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(tenantId, CreditRows.TopUp(reference)) { ["At"] = now, ["Credits"] = credits }),
                new(TableTransactionActionType.Add, CreditRows.LedgerLine(tenantId, lineNumber, now, "topup", credits, after, reference, by)),
                exists
                    ? new(TableTransactionActionType.UpdateReplace, balance, balance.ETag)
                    : new(TableTransactionActionType.Add, balance),
            };
            try
            {
                await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                var result = CreditRows.ToBalance(tenantId, balance);
                Log.ToppedUp(logger, tenantId, credits, reference, result.Balance);
                await NotifyObserversAsync(result, ct).ConfigureAwait(false);
                return result;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                if (await ExistsAsync(tenantId, CreditRows.TopUp(reference), ct).ConfigureAwait(false))
                {
                    var current = await GetBalanceAsync(tenantId, ct).ConfigureAwait(false);
                    await NotifyObserversAsync(current, ct).ConfigureAwait(false);
                    return current; // this reference was applied before
                }
                await BackoffAsync(attempt, ct).ConfigureAwait(false);
            }
        }
        throw Contended(tenantId);
    }

    public async Task<DebitOutcome> TryDebitAsync(string tenantId, string debitKey, CancellationToken ct) =>
        (await TryDebitManyAsync(tenantId, [debitKey], ct).ConfigureAwait(false))[0];

    public async Task<CreditLedgerPage> ListAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken ct)
    {
        RequireTenant(tenantId);
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new TenancyException(TenancyErrorCodes.Credits.PageSizeInvalid, $"pageSize deve estar entre 1 e {MaxPageSize}.");
        }
        var token = DecodeToken(continuationToken, tenantId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CreditRows.LedgerPrefix} and RowKey lt {"ledger}"}");
        try
        {
            await foreach (var page in Table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct).AsPages(token, pageSize).ConfigureAwait(false))
            {
                return new CreditLedgerPage([.. page.Values.Select(CreditRows.ToEntry)], EncodeToken(page.ContinuationToken, tenantId));
            }
        }
        catch (RequestFailedException e) when (e.Status == 400 && token is not null)
        {
            throw InvalidToken();
        }
        return new CreditLedgerPage([], null);
    }

    public async Task<CreditBalance> SetLowBalanceNotificationAsync(string tenantId, long? threshold, string? email, CancellationToken ct)
    {
        RequireTenant(tenantId);
        if (threshold is < 0 or > MaxAmount)
        {
            throw new TenancyException(TenancyErrorCodes.Credits.ThresholdInvalid, $"O limite de aviso deve estar entre 0 e {MaxAmount}.");
        }
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if ((threshold is not null && email is null) || (email is not null && !IsEmail(email)))
        {
            throw new TenancyException(TenancyErrorCodes.Credits.EmailInvalid, "Informe um e-mail válido para o aviso de saldo baixo.");
        }
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (row, exists) = await ReadBalanceAsync(tenantId, ct).ConfigureAwait(false);
            var balance = row ?? CreditRows.NewBalance(tenantId);
            balance["LowBalanceThreshold"] = threshold;
            balance["LowBalanceEmail"] = email;
            try
            {
                if (exists)
                {
                    await Table.UpdateEntityAsync(balance, balance.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }
                else
                {
                    await Table.AddEntityAsync(balance, ct).ConfigureAwait(false);
                }
                return CreditRows.ToBalance(tenantId, balance);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                await BackoffAsync(attempt, ct).ConfigureAwait(false);
            }
        }
        throw Contended(tenantId);
    }

    private async Task<(TableEntity? Row, bool Exists)> ReadBalanceAsync(string tenantId, CancellationToken ct)
    {
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, CreditRows.Balance, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? (read.Value, true) : (null, false);
    }

    private async Task<bool> ExistsAsync(string tenantId, string rowKey, CancellationToken ct) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, ["PartitionKey"], ct).ConfigureAwait(false)).HasValue;

    private async Task NotifyObserversAsync(CreditBalance balance, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.OnToppedUpAsync(balance, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Random, growing pause so writers of one hot balance row do not collide in lockstep.</summary>
    private static Task BackoffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(Random.Shared.Next(1, 4 * Math.Min(attempt, 25) + 2), ct);

    private static void RequireTenant(string tenantId)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw new TenancyException(TenancyErrorCodes.Credits.TenantInvalid, "Identificador de cliente inválido.");
        }
    }

    private static bool IsEmail(string text) =>
        text.Length <= 254 && MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal) && address.Address == text;

    private static TenancyException Contended(string tenantId) =>
        new(TenancyErrorCodes.Credits.Contention, $"O saldo de créditos do cliente {tenantId} está sendo alterado por muitas operações simultâneas; tente novamente.");

    private static TenancyException InvalidToken() => new(TenancyErrorCodes.Credits.ContinuationInvalid, "Token de continuação inválido.");

    private static string? EncodeToken(string? token, string tenantId) => ContinuationTokens.Wrap(token, "credits|" + tenantId);

    private static string? DecodeToken(string? token, string tenantId) =>
        ContinuationTokens.TryUnwrap(token, "credits|" + tenantId, out var inner) ? inner : throw InvalidToken();
}
