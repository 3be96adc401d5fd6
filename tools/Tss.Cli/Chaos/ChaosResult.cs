using System.Globalization;

namespace Tss.Cli.Chaos;

/// <summary>What a chaos run found; <see cref="Print"/> ends with one JSON line (keys fixed by the issue).</summary>
internal sealed record ChaosResult(int Docs, int Authorized, int Lost, int BlindResends, int DoubleDebits, int DuplicateDeliveries, double Seconds)
{
    /// <summary>Keys SEFAZ authorized more than once (its own count); never expected.</summary>
    public int AuthorizedTwice { get; init; }

    public int Accepted { get; init; }
    public int Debits { get; init; }
    public int Delivered { get; init; }
    public int Redeliveries { get; init; }
    public int Undelivered { get; init; }
    public int KillsDone { get; init; }
    public int AzuriteRestartsDone { get; init; }

    public bool Passed => Authorized == Docs && Lost == 0 && BlindResends == 0 && DoubleDebits == 0 && DuplicateDeliveries == 0 && AuthorizedTwice == 0;

    public void Print(ChaosSettings s)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"documents        {Docs} submitted over {s.Entities} entities, {Accepted} accepted (202), {Authorized} authorized here and in SEFAZ's base, {Lost} not final"));
        Console.WriteLine(string.Create(c, $"chaos            host SIGKILLed {KillsDone} of {s.Kills} times, Azurite restarted {AzuriteRestartsDone} of {s.AzuriteRestarts} times (seed {s.Seed})"));
        Console.WriteLine(string.Create(c, $"SEFAZ            {BlindResends} blind resends, {AuthorizedTwice} keys authorized twice"));
        Console.WriteLine(string.Create(c, $"credits          {Debits} debits in the ledger, {DoubleDebits} documents debited twice"));
        Console.WriteLine(string.Create(c, $"webhook          {Delivered} documents delivered, {DuplicateDeliveries} documents delivered under two delivery ids, {Redeliveries} redeliveries of a delivery id (deduplicated by the receiver), {Undelivered} final documents never delivered"));
        Console.WriteLine(string.Create(c, $"wall             {Seconds:F1} s  →  {(Passed ? "PASS" : "FAIL")}"));
        Console.WriteLine(string.Create(c,
            $"{{\"docs\":{Docs},\"authorized\":{Authorized},\"lost\":{Lost},\"blindResends\":{BlindResends},\"doubleDebits\":{DoubleDebits},\"duplicateDeliveries\":{DuplicateDeliveries},\"seconds\":{Seconds:F1}}}"));
    }
}
