using System.Security.Cryptography.X509Certificates;
using Tss.DevTools.Pki;
using Tss.Testing.Azurite;
using Tss.Testing.Pki;

namespace Tss.Cli.Tests.Security;

/// <summary>
/// Issue 12, item 1, through <c>tss admin entity add</c>: the operator's CLI refuses what the portal refuses, with the
/// stable code and the pt-BR message on stderr and exit 1.
/// </summary>
public sealed class CertificateTrustCliTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Victim = "11222333000181";
    private readonly string _home = Directory.CreateTempSubdirectory("tss-trust-").FullName;
    private readonly string _suffix = azurite.UniqueName("t");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Dictionary<string, string> Env(string revocation = "NoCheck") => new()
    {
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Tenancy__TenantsTable"] = "tenants" + _suffix,
        ["Tenancy__EntitiesTable"] = "entities" + _suffix,
        ["Tenancy__ApiKeysTable"] = "keys" + _suffix,
        ["Certificates__Container"] = "certs" + _suffix,
        ["Certificates__MasterKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5)).ToArray()),
        ["Certificates__TrustAnchors__IcpBrasil"] = "false",
        ["Certificates__TrustAnchors__Paths__0"] = Path.Combine(_home, "pki", "ca.crt"),
        ["Certificates__TrustAnchors__RevocationMode"] = revocation,
    };

    private async Task<string> TenantAsync(Dictionary<string, string> env)
    {
        var (exit, tenantId, err) = await TssProcess.RunAsync(_home, env, "admin", "tenant", "create", "--name", "Atacante");
        Assert.True(exit == 0, err);
        return tenantId.Trim();
    }

    private string Write(string name, byte[] pfx)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllBytes(path, pfx);
        return path;
    }

    [Fact]
    public async Task Self_signed_certificate_with_a_victims_cnpj_is_refused_by_tss_admin_entity_add()
    {
        using (TestCertificateAuthority.LoadOrCreate(Path.Combine(_home, "pki")))
        {
            // The configured anchor exists: only the forged certificate is at fault.
        }
        var env = Env();
        var tenant = await TenantAsync(env);
        using var forged = TestCertificateAuthority.SelfSignedECnpj(Victim, "EMPRESA VITIMA LTDA");
        var pfx = Write("forged.pfx", forged.Export(X509ContentType.Pkcs12, "pw"));

        var (exit, output, err) = await TssProcess.RunAsync(_home, env, "admin", "entity", "add", "--tenant", tenant, "--cnpj", Victim, "--uf", "SP", "--env", "1",
            "--pfx", pfx, "--password", "pw");

        Assert.Equal(1, exit);
        Assert.Contains("certificate.untrusted_chain", err, StringComparison.Ordinal);
        Assert.Contains("não foi emitido por uma autoridade certificadora ICP-Brasil confiável", err, StringComparison.Ordinal);
        Assert.DoesNotContain($"entity {Victim}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_certificate_is_refused_by_tss_admin_entity_add()
    {
        await using var crls = await CrlServer.StartAsync(TestContext.Current.CancellationToken);
        using var ca = TestCertificateAuthority.LoadOrCreate(Path.Combine(_home, "pki"));
        crls.Publish("cli-root", ca);
        using var leaf = ca.IssueECnpj(Victim, "EMPRESA LEGITIMA LTDA");
        ca.Revoke(leaf);
        var env = Env("Online");
        var tenant = await TenantAsync(env);

        var (exit, _, err) = await TssProcess.RunAsync(_home, env, "admin", "entity", "add", "--tenant", tenant, "--cnpj", Victim, "--uf", "SP",
            "--pfx", Write("revoked.pfx", leaf.Export(X509ContentType.Pkcs12, "pw")), "--password", "pw");

        Assert.Equal(1, exit);
        Assert.Contains("certificate.revoked", err, StringComparison.Ordinal);
        Assert.Equal(1, crls.Downloads("cli-root"));
    }
}
