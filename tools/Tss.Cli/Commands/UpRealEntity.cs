namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss up --sefaz real</c>: the company whose real ICP-Brasil A1 certificate the demo tenant uses against SEFAZ
/// homologação, and the settings that point the host at the real authorizers.
/// </summary>
internal sealed record UpRealEntity(string PfxPath, string Password, string Cnpj, string Uf)
{
    /// <summary>
    /// The real endpoint table (an empty override replaces the simulator's URL of the settings file), the ICP-Brasil roots
    /// as the only anchors (the test CA's blank entry replaces the settings file's) and revocation checked online.
    /// </summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Sefaz:BaseUrlOverride"] = "",
        ["Sefaz:TrustAnchorPath"] = "",
        ["Certificates:TrustAnchors:IcpBrasil"] = "true",
        ["Certificates:TrustAnchors:Paths:0"] = "",
        ["Certificates:TrustAnchors:RevocationMode"] = "Online",
    };

    public static UpRealEntity From(CommandLine cmd)
    {
        var pfx = cmd.Get("pfx") ?? throw new UsageException(
            "--sefaz real needs the company's real A1: --pfx F.pfx --password P --cnpj C --uf UF (the test CA is not trusted there)");
        if (!File.Exists(pfx))
        {
            throw new UsageException($"certificate file not found: {pfx}");
        }
        var password = cmd.Get("password") ?? Environment.GetEnvironmentVariable("TSS_PFX_PASSWORD")
            ?? throw new UsageException("--password (or env TSS_PFX_PASSWORD) is required with --pfx");
        var cnpj = Protocol.Parties.Cnpj.Normalize(cmd.Require("cnpj"));
        if (!Protocol.Parties.Cnpj.IsValid(cnpj))
        {
            throw new UsageException($"--cnpj is not a valid CNPJ: {cnpj}");
        }
        return new UpRealEntity(pfx, password, cnpj, cmd.Require("uf").ToUpperInvariant());
    }
}
