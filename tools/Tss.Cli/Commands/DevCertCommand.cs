using Tss.DevTools.Pki;
using Tss.Protocol.Parties;

namespace Tss.Cli.Commands;

/// <summary><c>tss dev-cert --cnpj N --out F.pfx --password P</c>: an e-CNPJ A1 certificate from the local test CA.</summary>
internal static class DevCertCommand
{
    public static int Run(CommandLine cmd)
    {
        var cnpj = Cnpj.Normalize(cmd.Require("cnpj"));
        if (!Cnpj.IsValid(cnpj))
        {
            throw new UsageException($"--cnpj {cnpj} is not a valid CNPJ (14 characters with check digits)");
        }
        var output = cmd.Require("out");
        var password = cmd.Require("password");
        var name = cmd.Get("name") ?? "EMPRESA TESTE LTDA";
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? notBefore = null, notAfter = null;
        if (cmd.Has("expired"))
        {
            (notBefore, notAfter) = (now.AddYears(-1).AddDays(-1), now.AddDays(-1));
        }
        else if (cmd.Has("not-yet-valid"))
        {
            (notBefore, notAfter) = (now.AddDays(30), now.AddYears(1));
        }

        using var ca = TestCertificateAuthority.LoadOrCreate(TssHome.Pki);
        using var cert = ca.IssueECnpj(cnpj, name, notBefore, notAfter);
        TestCertificateAuthority.ExportPfx(cert, output, password);
        Console.WriteLine($"{output}: {cert.Subject}");
        Console.WriteLine($"  valid {cert.NotBefore:yyyy-MM-dd HH:mm} to {cert.NotAfter:yyyy-MM-dd HH:mm} (local time), issued by {ca.Certificate.Subject}");
        Console.WriteLine($"  test CA certificate: {Path.Combine(TssHome.Pki, "ca.crt")} (not trusted by SEFAZ; for the simulator only)");
        return 0;
    }
}
