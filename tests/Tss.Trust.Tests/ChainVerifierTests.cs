using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Tss.DevTools.Pki;

namespace Tss.Trust.Tests;

/// <summary>Chain building against the configured anchors only, and CRL revocation in each mode.</summary>
public sealed class ChainVerifierTests : IDisposable
{
    private const string Cnpj = "11222333000181";
    private readonly TrustTestPki _pki = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose() => _pki.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChainVerifier Verifier(TrustRevocationMode mode, CrlHandler? handler = null, Action<TrustAnchorOptions>? configure = null) =>
        new(_pki.Anchors(mode, configure), _time, crlHandler: handler);

    [Fact]
    public async Task A_certificate_of_the_anchor_is_trusted_and_its_crl_is_downloaded_once_until_its_next_update()
    {
        // The CA publishes on the same clock: each CRL is valid for 30 days from when it is downloaded.
        var handler = new CrlHandler(_pki.Ca, ca => ca.BuildCrl(_time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddDays(30)));
        using var verifier = Verifier(TrustRevocationMode.Online, handler);
        using var leaf = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");

        var first = await verifier.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);
        _time.Advance(TimeSpan.FromDays(29));
        var second = await verifier.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);
        var downloadsBeforeNextUpdate = handler.Downloads;
        _time.Advance(TimeSpan.FromDays(2));
        var third = await verifier.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal((ChainStatus.Trusted, true), (first.Status, first.RevocationChecked));
        Assert.Equal(ChainStatus.Trusted, second.Status);
        Assert.Equal(1, downloadsBeforeNextUpdate);
        Assert.Equal(ChainStatus.Trusted, third.Status);
        Assert.Equal(2, handler.Downloads);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_untrusted_whatever_it_says()
    {
        using var verifier = Verifier(TrustRevocationMode.NoCheck);
        using var forged = TestCertificateAuthority.SelfSignedECnpj(Cnpj, "EMPRESA");

        var verdict = await verifier.VerifyAsync(forged, [forged], CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.Untrusted, verdict.Status);
        Assert.Contains("UntrustedRoot", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_whose_issuer_is_missing_is_an_incomplete_chain_and_configured_intermediates_complete_it()
    {
        using var issuing = _pki.Ca.CreateIntermediate("Issuing CA");
        using var leaf = issuing.IssueECnpj(Cnpj, "EMPRESA");
        var intermediatePath = Path.Combine(_pki.Directory, "issuing.cer");
        File.WriteAllBytes(intermediatePath, issuing.Certificate.RawData);
        using var bare = Verifier(TrustRevocationMode.NoCheck);
        using var configured = Verifier(TrustRevocationMode.NoCheck, configure: o => o.IntermediatePaths = [_pki.Directory]);

        var missing = await bare.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);
        var completed = await configured.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.IncompleteChain, missing.Status);
        Assert.Equal(ChainStatus.Trusted, completed.Status);
    }

    [Fact]
    public async Task A_server_certificate_is_not_valid_as_an_uploaded_a1()
    {
        using var verifier = Verifier(TrustRevocationMode.NoCheck);
        using var server = _pki.Ca.IssueServer("sefaz.test");

        var verdict = await verifier.VerifyAsync(server, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.Untrusted, verdict.Status);
        Assert.Contains("NotValidForUsage", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused_and_an_unreachable_crl_is_unknown_online_but_accepted_offline()
    {
        using var leaf = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");
        using var revoked = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");
        _pki.Ca.Revoke(revoked);
        using var online = Verifier(TrustRevocationMode.Online, new CrlHandler(_pki.Ca));
        using var down = Verifier(TrustRevocationMode.Online, new CrlHandler(_pki.Ca) { Status = HttpStatusCode.ServiceUnavailable });
        using var offline = Verifier(TrustRevocationMode.Offline, new CrlHandler(_pki.Ca));

        Assert.Equal(ChainStatus.Revoked, (await online.VerifyAsync(revoked, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct)).Status);
        Assert.Equal(ChainStatus.RevocationUnknown, (await down.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct)).Status);
        var accepted = await offline.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);
        Assert.Equal((ChainStatus.Trusted, false), (accepted.Status, accepted.RevocationChecked));
    }

    [Fact]
    public async Task Offline_mode_refuses_what_a_configured_crl_file_lists()
    {
        using var revoked = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");
        _pki.Ca.Revoke(revoked);
        var crl = Path.Combine(_pki.Directory, "root.crl");
        File.WriteAllBytes(crl, _pki.Ca.BuildCrl());
        using var offline = Verifier(TrustRevocationMode.Offline, new CrlHandler(_pki.Ca), o => o.CrlPaths = [crl]);

        var verdict = await offline.VerifyAsync(revoked, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.Revoked, verdict.Status);
    }

    [Fact]
    public async Task A_crl_signed_by_another_ca_or_past_its_next_update_does_not_count_as_an_answer()
    {
        using var impostor = TestCertificateAuthority.Create("Trust Tests CA");
        using var leaf = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");
        using var forgedCrl = Verifier(TrustRevocationMode.Online, new CrlHandler(impostor));
        using var staleCrl = Verifier(TrustRevocationMode.Online, new CrlHandler(_pki.Ca, ca => ca.BuildCrl(_time.GetUtcNow().AddDays(-10), _time.GetUtcNow().AddDays(-1))));

        var forged = await forgedCrl.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);
        var stale = await staleCrl.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.RevocationUnknown, forged.Status);
        Assert.Contains("not signed by", forged.Detail, StringComparison.Ordinal);
        Assert.Equal(ChainStatus.RevocationUnknown, stale.Status);
        Assert.Contains("not current", stale.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crl_larger_than_the_limit_is_not_read()
    {
        using var leaf = _pki.Ca.IssueECnpj(Cnpj, "EMPRESA");
        for (var i = 0; i < 60; i++)
        {
            using var other = _pki.Ca.IssueECnpj(Cnpj, "OUTRA");
            _pki.Ca.Revoke(other);
        }
        using var verifier = Verifier(TrustRevocationMode.Online, new CrlHandler(_pki.Ca), o => o.CrlMaxBytes = 1024);

        var verdict = await verifier.VerifyAsync(leaf, null, CertificatePurpose.ClientAuthentication, _time.GetUtcNow(), Ct);

        Assert.Equal(ChainStatus.RevocationUnknown, verdict.Status);
        Assert.Contains("larger than 1024 bytes", verdict.Detail, StringComparison.Ordinal);
    }
}
