using System.Globalization;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>
/// Receipt (nRec) and protocol (nProt) numbers. Sequences survive a reset so a number is never handed out twice by
/// one simulator process.
/// </summary>
public sealed class NumberSequences
{
    /// <summary>The autorizador-type digit of receipts and protocols issued here.</summary>
    public const char AutorizadorType = '1';

    private long _receipt;
    private long _protocol;

    /// <summary>nRec: cUF (2) + autorizador type (1) + 12-digit sequence = 15 digits.</summary>
    public string NextReceipt(int cUF) =>
        string.Create(CultureInfo.InvariantCulture, $"{cUF:00}{AutorizadorType}{Interlocked.Increment(ref _receipt) % 1_000_000_000_000:000000000000}");

    /// <summary>nProt: autorizador type (1) + cUF (2) + year (2) + 10-digit sequence = 15 digits.</summary>
    public string NextProtocol(int cUF, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{AutorizadorType}{cUF:00}{now.Year % 100:00}{Interlocked.Increment(ref _protocol) % 10_000_000_000:0000000000}");
}
