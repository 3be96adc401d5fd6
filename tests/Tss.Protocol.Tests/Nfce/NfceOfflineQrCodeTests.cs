using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Nfce.NfceTestDocuments;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Nfce;

/// <summary>The off-line QR code (tpEmis 9): v2 with the CSC, v3 signed with the issuer's key, added after signing.</summary>
public sealed class NfceOfflineQrCodeTests
{
    // tpEmis 9 in digit 35 (the check digit does not matter to the QR code).
    private const string OfflineKey = "35261112345678000195650010000000019000000015";
    private const string Digest = "abcdEFGH1234567890abcdEFGH1=";
    private static readonly NfceOfflineQrCode.Fields Sale = new(OfflineKey, 2, "03", "12.50", "", "");

    [Fact]
    public void Version_2_off_line_carries_day_total_digest_in_hex_and_the_sha1_of_all_that_and_the_csc()
    {
        var qrCode = NfceOfflineQrCode.Build(Sale, "MG", Digest, Csc, Signer);

        // Hex and hash computed independently (Python: digest.encode().hex(); hashlib.sha1(seq + csc).hexdigest().upper()).
        const string hex = "6162636445464748313233343536373839306162636445464748313d";
        Assert.Equal($"https://nfce.fazenda.mg.gov.br/portalnfce/sistema/qrcode.xhtml?p={OfflineKey}|2|2|03|12.50|{hex}|1|1C4F8EEF77BC497E310A86D1957C116E5A650715", qrCode);
    }

    [Fact]
    public void Version_3_off_line_is_signed_with_the_issuers_key_and_verifies_with_its_public_key()
    {
        var sale = Sale with { TpIdDest = "2", CDest = "12345678909" };

        var qrCode = NfceOfflineQrCode.Build(sale, "MG", Digest, csc: null, Signer);

        var parameters = qrCode[(qrCode.IndexOf("?p=", StringComparison.Ordinal) + 3)..];
        var cut = parameters.LastIndexOf('|');
        var text = parameters[..cut];
        Assert.Equal($"{OfflineKey}|3|2|03|12.50|2|12345678909", text);
        using var rsa = Signer.GetRSAPublicKey()!;
#pragma warning disable CA5350 // the layout's algorithm
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(parameters[(cut + 1)..]), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        Assert.False(rsa.VerifyData(Encoding.UTF8.GetBytes(text.Replace("12.50", "12.51", StringComparison.Ordinal)),
            Convert.FromBase64String(parameters[(cut + 1)..]), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
#pragma warning restore CA5350
        Assert.True(NfceOfflineQrCode.VerifyV3(text, parameters[(cut + 1)..], Signer));
        Assert.False(NfceOfflineQrCode.VerifyV3(text, parameters[(cut + 1)..], OtherSigner));
    }

    [Fact]
    public void An_on_line_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => NfceOfflineQrCode.Build(Sale with { chNFe = OfflineKey[..34] + "1" + OfflineKey[35..] }, "MG", Digest, Csc, Signer));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_signed_off_line_nfce_with_its_qr_code_is_schema_valid_and_its_signature_still_verifies(bool withCsc)
    {
        var nfe = NfceTestDocuments.Unsigned("MG", 2, tpEmis: 9, emitCnpj: "11222333000181", nNF: 9);
        var key = NfeKeyConsistency.ReadKey(nfe)!;
        var digest = new XmlDsigSigner(Signer).Sign(nfe["infNFe", NfeNamespaces.Nfe]!);

        Assert.True(NfceOfflineQrCode.AddTo(nfe, key, "MG", digest, withCsc ? Csc : null, Signer));

        NfceTestDocuments.AssertSignedAndValid(nfe);
        var qrCode = nfe.GetElementsByTagName("qrCode", NfeNamespaces.Nfe)[0]!.InnerText;
        Assert.Contains(withCsc ? $"{key}|2|2|" : $"{key}|3|2|", qrCode, StringComparison.Ordinal);
    }
}
