using Microsoft.Extensions.DependencyInjection;
using Tss.Mde;
using Tss.Mde.Documents;
using Tss.Mde.Sharing;
using Tss.Protocol.Parties;

namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss admin mde-share list|grant|deny</c>: the operator's view of which tenants hold a CNPJ for MD-e and of their
/// access to the company's history, and the operator's decision on it (recorded as "operator:{by}"; a grant copies
/// the history at once).
/// </summary>
internal static class AdminMdeShareCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? action, CommandLine cmd)
    {
        var cnpj = Cnpj.Normalize(cmd.Require("cnpj"));
        if (!Cnpj.IsValid(cnpj))
        {
            throw new UsageException($"--cnpj is not a valid CNPJ: {cmd.Require("cnpj")}");
        }
        var tpAmb = cmd.GetInt("env", 2);
        var sharing = services.GetRequiredService<MdeSharingService>();
        await services.GetRequiredService<MdeSharingStore>().EnsureCreatedAsync(CancellationToken.None);
        await services.GetRequiredService<MdeDocumentStore>().EnsureCreatedAsync(CancellationToken.None);
        try
        {
            switch (action)
            {
                case "list":
                    Print(await sharing.OperatorViewAsync(cnpj, tpAmb, CancellationToken.None));
                    return 0;
                case "grant" or "deny":
                    var by = "operator:" + (cmd.Get("by") ?? Environment.UserName);
                    var decided = await sharing.DecideAsync(cnpj, tpAmb, cmd.Require("tenant"), action == "grant", decider: null, by, CancellationToken.None);
                    Console.WriteLine($"tenant {decided.TenantId}: history {decided.History} by {decided.DecidedBy} at {decided.DecidedAt:yyyy-MM-dd HH:mm:ss}"
                        + (decided.HistoryCopiedAt is null ? "" : $"; {decided.HistoryCopied} documents copied"));
                    return 0;
                default:
                    throw new UsageException("usage: tss admin mde-share list --cnpj C [--env 2] | grant|deny --cnpj C --tenant T [--env 2] [--by NAME]");
            }
        }
        catch (MdeException e)
        {
            Console.Error.WriteLine($"tss: {e.Code}: {e.Message}");
            return 1;
        }
    }

    private static void Print(MdeSharingView view)
    {
        Console.WriteLine($"CNPJ {view.Cnpj} tpAmb {view.tpAmb}: first tenant {view.FounderTenantId ?? "(none yet)"}");
        foreach (var t in view.Tenants)
        {
            Console.WriteLine($"  {t.TenantId,-40} {t.History,-8} joined {t.JoinedAt:yyyy-MM-dd HH:mm}  from NSU {t.FromNsu?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
                + (t.DecidedBy is null ? "" : $"  by {t.DecidedBy} {t.DecidedAt:yyyy-MM-dd HH:mm}"));
        }
        foreach (var d in view.Decisions)
        {
            Console.WriteLine($"  decision {d.At:yyyy-MM-dd HH:mm:ss}  {d.Decision,-8} {d.TenantId}  by {d.By}");
        }
    }
}
