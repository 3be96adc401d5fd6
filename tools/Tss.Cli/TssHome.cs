namespace Tss.Cli;

/// <summary>Where local development state lives (test PKI, generated settings): $TSS_HOME or ./.tss.</summary>
internal static class TssHome
{
    public static string Path =>
        Environment.GetEnvironmentVariable("TSS_HOME") is { Length: > 0 } home
            ? home
            : System.IO.Path.Combine(Directory.GetCurrentDirectory(), ".tss");

    public static string Pki => System.IO.Path.Combine(Path, "pki");
}
