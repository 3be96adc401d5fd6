using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Tss.Trust.Tests;

/// <summary>The ICP-Brasil roots shipped in Roots/: exactly the four pinned ones, self-signed CAs, as Roots/README.md lists them.</summary>
public sealed class ShippedRootsTests
{
    [Fact]
    public void The_shipped_icp_brasil_roots_are_v5_v10_v11_and_v12_with_their_pinned_fingerprints()
    {
        using var anchors = new TrustAnchors(Options.Create(new TrustAnchorOptions()));

        var roots = anchors.Anchors.Cast<X509Certificate2>().ToDictionary(c => c.GetNameInfo(X509NameType.SimpleName, false), c => Convert.ToHexStringLower(SHA256.HashData(c.RawData)));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Autoridade Certificadora Raiz Brasileira v5"] = "caa53fc6091c6951887c976e378f6ef89aa6377c55d97b6475422b71ed7e9b17",
            ["Autoridade Certificadora Raiz Brasileira v10"] = "6e0bff069a26994c15de2c4888cc54af84882e5495b7fbf66be9ccffec7489f6",
            ["Autoridade Certificadora Raiz Brasileira v11"] = "1406710058180fa4081aab3f246f1702429c552a11fa3143b84c88cb3ab8e5e7",
            ["Autoridade Certificadora Raiz Brasileira v12"] = "d8478e37ce19c690cf657381e68fe600e4e1a042536830f06847e03e554c4b01",
        }, roots);
    }

    [Fact]
    public void Each_shipped_root_is_a_self_signed_ca_that_verifies_its_own_signature()
    {
        using var anchors = new TrustAnchors(Options.Create(new TrustAnchorOptions()));

        foreach (var root in anchors.Anchors)
        {
            Assert.Equal(root.SubjectName.RawData, root.IssuerName.RawData);
            Assert.True(root.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(root);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = root.NotBefore.AddDays(1);
            Assert.True(chain.Build(root), $"{root.Subject}: {TrustAnchors.Describe(chain)}");
        }
    }
}
