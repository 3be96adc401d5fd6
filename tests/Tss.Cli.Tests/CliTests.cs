using System.Diagnostics;
using System.Text.RegularExpressions;
using Tss.DevTools.Samples;

namespace Tss.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private const string Cnpj = "11222333000181";
    private readonly string _home = Directory.CreateTempSubdirectory("tss-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<string> DevCertAsync(string cnpj = Cnpj)
    {
        var pfx = Path.Combine(_home, $"{cnpj}.pfx");
        var (exit, _, err) = await TssProcess.RunAsync(_home, "dev-cert", "--cnpj", cnpj, "--out", pfx, "--password", "pw");
        Assert.True(exit == 0, err);
        return pfx;
    }

    [Fact]
    public async Task Dev_cert_issues_an_icp_brasil_shaped_certificate_with_the_cnpj()
    {
        var pfx = await DevCertAsync();
        using var cert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, "pw");
        Assert.Equal(Cnpj, Protocol.Certificates.IcpBrasilCertificate.GetCnpj(cert));
        Assert.True(cert.HasPrivateKey);
        Assert.True(File.Exists(Path.Combine(_home, "pki", "ca.crt")));
    }

    [Fact]
    public async Task Dev_cert_refuses_a_cnpj_with_wrong_check_digits()
    {
        var (exit, _, err) = await TssProcess.RunAsync(_home, "dev-cert", "--cnpj", "11222333000182", "--out", "x.pfx", "--password", "pw");
        Assert.Equal(64, exit);
        Assert.Contains("not a valid CNPJ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_document_validates_and_a_tampered_one_does_not()
    {
        var pfx = await DevCertAsync();
        var input = Write("nfe.xml", SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = 7 }));
        var (exit, signed, err) = await TssProcess.RunAsync(_home, "sign", "--pfx", pfx, "--password", "pw", input);
        Assert.True(exit == 0, err);
        Assert.Contains("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">", signed, StringComparison.Ordinal);

        var (ok, report, _) = await TssProcess.RunAsync(_home, "validate", Write("signed.xml", signed));
        Assert.True(ok == 0, report);
        Assert.Matches("(?m)^schema +ok", report);
        Assert.Matches("(?m)^key +ok", report);
        Assert.Matches("(?m)^signature ok", report);

        var (bad, badReport, _) = await TssProcess.RunAsync(_home, "validate", Write("tampered.xml", signed.Replace("<nNF>7</nNF>", "<nNF>8</nNF>", StringComparison.Ordinal)));
        Assert.Equal(1, bad);
        Assert.Matches("(?m)^signature FAIL.*DigestMismatch", badReport);
        Assert.Matches("(?m)^key +FAIL.*502", badReport);
    }

    [Fact]
    public async Task Wrong_pfx_password_is_a_clear_usage_error()
    {
        var pfx = await DevCertAsync();
        var (exit, _, err) = await TssProcess.RunAsync(_home, "sign", "--pfx", pfx, "--password", "wrong", Write("a.xml", "<a/>"));
        Assert.Equal(64, exit);
        Assert.Contains("wrong password", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_xml_is_refused_with_a_stable_code_and_nothing_is_fetched()
    {
        var secret = Write("secret.txt", "TOP-SECRET");
        var xxe = Write("xxe.xml", $"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file://{secret}\">]><a>&x;</a>");
        var (exit, output, err) = await TssProcess.RunAsync(_home, "validate", xxe);
        Assert.Equal(1, exit);
        Assert.Contains("xml.dtd_prohibited", err, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", output + err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sefaz_status_reaches_the_simulator_over_mutual_tls()
    {
        await DevCertAsync(); // creates the CA the simulator trusts
        var dev = Path.Combine(_home, "pki", "dev-entity.pfx");
        File.Copy(Path.Combine(_home, $"{Cnpj}.pfx"), dev);
        using var simulator = Process.Start(TssProcess.StartInfo(_home, null, "simulator", "--port", "0", "--admin-port", "0"))!;
        try
        {
            var soap = await ReadSoapUrlAsync(simulator);
            var env = new Dictionary<string, string>
            {
                ["Sefaz__BaseUrlOverride"] = soap.TrimEnd('/'),
                ["Sefaz__TrustAnchorPath"] = Path.Combine(_home, "pki", "ca.crt"),
            };
            var (exit, output, err) = await TssProcess.RunAsync(_home, env, "sefaz", "status", "--uf", "SP", "--env", "2", "--pfx", dev, "--password", "pw");
            Assert.True(exit == 0, output + err);
            Assert.Matches("(?m)^cStat +107", output);
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> ReadSoapUrlAsync(Process simulator)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await simulator.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            var m = Regex.Match(line, @"SOAP\s+(https://\S+)");
            if (m.Success)
            {
                return m.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("the simulator did not print its URL: " + await simulator.StandardError.ReadToEndAsync(cts.Token));
    }
}
