using System.Globalization;
using Azure.Data.Tables;

namespace Tss.Tenancy.Credits.Internal;

/// <summary>
/// Rows of one tenant's partition in the credits table: the balance, one idempotency row per debit key and per top-up
/// reference, append-only ledger rows whose keys sort newest first, and pending low-balance e-mails.
/// </summary>
internal static class CreditRows
{
    public const string Balance = "balance";
    public const string LedgerPrefix = "ledger|";
    public const string NotifyPrefix = "notify|";
    public const int MaxKeyLength = 200;

    public static string Debit(string debitKey) => "debit|" + Uri.EscapeDataString(debitKey);

    public static string TopUp(string reference) => "topup|" + Uri.EscapeDataString(reference);

    /// <summary>
    /// "ledger|{inverted line number}": newest first. Line numbers come from the balance row's <c>Lines</c> counter,
    /// which every change rewrites with If-Match, so they are unique and in commit order — unlike timestamps, which two
    /// changes in the same tick (or on two machines' clocks) can share or invert.
    /// </summary>
    public static string Ledger(long line) =>
        string.Create(CultureInfo.InvariantCulture, $"{LedgerPrefix}{long.MaxValue - line:D19}");

    /// <summary>Ledger lines written so far (the next line is this + 1).</summary>
    public static long Lines(TableEntity balance) => balance.GetInt64("Lines") ?? 0;

    public static string Notify(DateTimeOffset at, string nonce) =>
        string.Create(CultureInfo.InvariantCulture, $"{NotifyPrefix}{at.UtcTicks:D19}{nonce}");

    public static string Nonce() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6));

    public static bool IsValidKey(string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= MaxKeyLength && !key.Any(char.IsControl);

    public static CreditBalance ToBalance(string tenantId, TableEntity? row)
    {
        if (row is null)
        {
            return new CreditBalance(tenantId, 0, 0, 0, null, null);
        }
        var contracted = row.GetInt64("Contracted") ?? 0;
        var used = row.GetInt64("Used") ?? 0;
        return new CreditBalance(tenantId, contracted, used, contracted - used, row.GetInt64("LowBalanceThreshold"), row.GetString("LowBalanceEmail"));
    }

    public static TableEntity NewBalance(string tenantId) => new(tenantId, Balance) { ["Contracted"] = 0L, ["Used"] = 0L };

    public static TableEntity LedgerLine(string tenantId, long lineNumber, DateTimeOffset at, string kind, long amount, long balanceAfter, string reference, string? by)
    {
        var line = new TableEntity(tenantId, Ledger(lineNumber))
        {
            ["At"] = at,
            ["Kind"] = kind,
            ["Amount"] = amount,
            ["BalanceAfter"] = balanceAfter,
            ["Reference"] = reference,
        };
        if (by is not null)
        {
            line["By"] = by;
        }
        return line;
    }

    public static CreditLedgerEntry ToEntry(TableEntity row) => new(
        row.GetDateTimeOffset("At") ?? default,
        row.GetString("Kind") ?? "",
        row.GetInt64("Amount") ?? 0,
        row.GetInt64("BalanceAfter") ?? 0,
        row.GetString("Reference") ?? "",
        row.GetString("By"));
}
