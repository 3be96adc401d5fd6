using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.DevTools.Pki;

namespace Tss.Trust.Tests;

/// <summary>The anchors are validated when the host starts, each refusal naming the setting to fix.</summary>
public sealed class TrustAnchorOptionsTests : IDisposable
{
    private readonly TrustTestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    private static OptionsValidationException Refused(Dictionary<string, string?> settings)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddTssTrust()
            .BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrustAnchorOptions>>().Value);
    }

    [Fact]
    public void The_host_refuses_to_start_with_no_trust_anchor_and_names_the_setting()
    {
        var e = Refused(new() { ["Certificates:TrustAnchors:IcpBrasil"] = "false" });

        Assert.Contains("Certificates:TrustAnchors:IcpBrasil", e.Message, StringComparison.Ordinal);
        Assert.Contains("Certificates:TrustAnchors:Paths", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_anchor_file_is_refused_at_start()
    {
        var e = Refused(new() { ["Certificates:TrustAnchors:Paths:0"] = Path.Combine(_pki.Directory, "nope.crt") });

        Assert.Contains("Certificates:TrustAnchors:Paths", e.Message, StringComparison.Ordinal);
        Assert.Contains("nope.crt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaf_certificate_configured_as_an_anchor_is_refused_at_start()
    {
        using var leaf = _pki.Ca.IssueECnpj("11222333000181", "EMPRESA");
        var path = Path.Combine(_pki.Directory, "leaf.crt");
        File.WriteAllText(path, leaf.ExportCertificatePem());

        var e = Refused(new() { ["Certificates:TrustAnchors:Paths:0"] = path });

        Assert.Contains("not a CA certificate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_trust_the_icp_brasil_roots_and_check_revocation_online()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddTssTrust()
            .BuildServiceProvider();

        var anchors = services.GetRequiredService<TrustAnchors>();

        Assert.Equal(TrustRevocationMode.Online, anchors.Options.RevocationMode);
        Assert.Equal(4, anchors.Anchors.Count);
    }

    [Fact]
    public void A_directory_of_anchors_and_blank_entries_are_accepted()
    {
        using var other = TestCertificateAuthority.Create("Second CA");
        other.ExportCaPem(Path.Combine(_pki.Directory, "second.pem"));
        using var anchors = _pki.Anchors(TrustRevocationMode.NoCheck, o => o.Paths = ["", _pki.Directory]);

        Assert.Equal(2, anchors.Anchors.Count);
    }
}
