namespace Tss.Cli;

/// <summary>The development entity certificate the local run creates (test CA; never valid at SEFAZ).</summary>
internal static class DevEntity
{
    public const string Password = "tss-dev";

    public static string PfxPath => Path.Combine(TssHome.Pki, "dev-entity.pfx");
}
