using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy;
using Tss.Tenancy.Credits;

namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss admin credits topup|show|notify</c>: an operator's view of a tenant's licence credits. A top-up is applied
/// once per --reference (repeating the command is safe) and wakes the tenant's documents awaiting credits.
/// </summary>
internal static class AdminCreditsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? action, CommandLine cmd)
    {
        var admin = services.GetRequiredService<TenancyAdmin>();
        var ledger = services.GetRequiredService<ICreditLedger>();
        var tenantId = cmd.Require("tenant");
        if (await admin.GetTenantAsync(tenantId) is null)
        {
            throw new TenancyException(TenancyErrorCodes.TenantNotFound, $"Cliente {tenantId} não encontrado.");
        }
        switch (action)
        {
            case "topup":
                var credits = long.TryParse(cmd.Require("credits"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new UsageException("--credits must be a positive integer");
                var by = cmd.Get("by") ?? Environment.UserName;
                var after = await ledger.TopUpAsync(tenantId, credits, cmd.Require("reference"), by, CancellationToken.None);
                Print(after);
                return 0;
            case "show":
                Print(await ledger.GetBalanceAsync(tenantId, CancellationToken.None));
                var page = await ledger.ListAsync(tenantId, cmd.GetInt("last", 20), null, CancellationToken.None);
                foreach (var e in page.Entries)
                {
                    Console.WriteLine($"  {e.At:yyyy-MM-dd HH:mm:ss}  {e.Kind,-5}  {e.Amount,6:+#;-#;0}  balance {e.BalanceAfter,8}  {e.Reference}{(e.By is null ? "" : "  by " + e.By)}");
                }
                return 0;
            case "notify":
                long? threshold = cmd.Has("off") ? null : cmd.GetInt("threshold", -1);
                Print(await ledger.SetLowBalanceNotificationAsync(tenantId, threshold, cmd.Has("off") ? null : cmd.Require("email"), CancellationToken.None));
                return 0;
            default:
                throw new UsageException("usage: tss admin credits topup --tenant T --credits N --reference R | show --tenant T | notify --tenant T --threshold N --email E|--off");
        }
    }

    private static void Print(CreditBalance b) =>
        Console.WriteLine($"tenant {b.TenantId}: contracted {b.Contracted}, used {b.Used}, balance {b.Balance}"
            + (b.LowBalanceThreshold is { } t ? $"; low-balance e-mail to {b.LowBalanceEmail} below {t}" : ""));
}
