using System.Security.Cryptography;

namespace Tss.Pipeline.Lots;

/// <summary>idLote values (1–15 digits, controlled by the sender): 12 digits of milliseconds + 3 random digits.</summary>
public static class IdLote
{
    public static long Next(DateTimeOffset now) =>
        (now.ToUnixTimeMilliseconds() % 1_000_000_000_000L) * 1000 + RandomNumberGenerator.GetInt32(1000);
}
