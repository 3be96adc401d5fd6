using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using ZXing;

namespace Tss.Danfe.Tests;

/// <summary>
/// The DANFE NFC-e of an NFC-e issued off-line (tpEmis 9) before its authorization: printed from the signed NFe with the
/// contingency legends and its off-line QR code, no protocol; once authorized, the normal DANFE from its procNFe.
/// </summary>
public sealed class NfceOfflineDanfeTests
{
    [Fact]
    public void A_pending_off_line_nfce_prints_the_contingency_legends_and_its_off_line_qr_code_without_a_protocol()
    {
        var signed = OfflineNfce();
        var qrCode = Text(signed, "qrCode");
        Assert.Contains("|3|2|", qrCode); // the off-line v3 form: key|3|tpAmb|dia|vNF|…|assinatura

        var pdf = DanfeRenderer.RenderPendingOffline(Encoding.UTF8.GetBytes(signed));

        var text = PdfText.Read(pdf).All;
        Assert.Contains("EMITIDA EM CONTINGÊNCIA", text);
        Assert.Contains("Pendente de autorização", text);
        Assert.DoesNotContain("Protocolo de autorização", text);
        Assert.Contains(Facts.Of(Encoding.UTF8.GetBytes(Proc(signed))).KeyGroups, text);
        Assert.Equal([qrCode], Raster.Decode(pdf, BarcodeFormat.QR_CODE, dpi: 300));
    }

    [Fact]
    public void Once_authorized_the_same_nfce_prints_its_protocol_and_no_pending_legend()
    {
        var proc = Proc(OfflineNfce());
        var facts = Facts.Of(Encoding.UTF8.GetBytes(proc));

        var text = PdfText.Read(DanfeRenderer.Render(Encoding.UTF8.GetBytes(proc))).All;

        Assert.Contains($"Protocolo de autorização: {facts.nProt}", text);
        Assert.Contains("EMITIDA EM CONTINGÊNCIA", text);
        Assert.DoesNotContain("Pendente de autorização", text);
    }

    [Fact]
    public void An_on_line_nfce_without_protocol_is_not_printed_before_its_authorization()
    {
        var online = SampleNfe.WithPlaceholderSignature(SampleNfe.Create(Options(tpEmis: 1)));

        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.RenderPendingOffline(Encoding.UTF8.GetBytes(online)));

        Assert.Equal(DanfeErrorCodes.NotAuthorized, e.Code);
    }

    [Fact]
    public void An_off_line_nfce_that_already_has_its_protocol_is_not_printed_as_pending()
    {
        var proc = Proc(OfflineNfce());

        var e = Assert.Throws<DanfeException>(() => DanfeRenderer.RenderPendingOffline(Encoding.UTF8.GetBytes(proc)));

        Assert.Equal(DanfeErrorCodes.NotAuthorized, e.Code);
    }

    private static SampleNfeOptions Options(int tpEmis) => Samples.Nfe(items: 3, mod: 65, tpEmis: tpEmis).Nfe with { Uf = "PR" };

    /// <summary>A signed (placeholder signature) NFC-e with tpEmis 9 and its off-line QR code (v3, signed with a throwaway key).</summary>
    private static string OfflineNfce()
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(SampleNfe.WithPlaceholderSignature(SampleNfe.Create(Options(tpEmis: 9))));
        var nfe = doc.DocumentElement!;
        var key = nfe["infNFe", NfeNamespaces.Nfe]!.GetAttribute("Id")[3..];
        var digest = doc.GetElementsByTagName("DigestValue", "http://www.w3.org/2000/09/xmldsig#")[0]!.InnerText;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=EMPRESA TESTE:11222333000181", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.True(NfceOfflineQrCode.AddTo(nfe, key, "PR", digest, csc: null, certificate));
        return nfe.OuterXml;
    }

    private static string Proc(string signedNfe)
    {
        var key = signedNfe[(signedNfe.IndexOf("Id=\"NFe", StringComparison.Ordinal) + 7)..][..44];
        var protocol = SampleProcNFe.Protocol(key, 2, 100, Samples.Emitted.AddHours(3));
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><nfeProc xmlns=\"{NfeNamespaces.Nfe}\" versao=\"4.00\">{signedNfe}{protocol}</nfeProc>";
    }

    private static string Text(string xml, string name)
    {
        var doc = new XmlDocument();
        doc.LoadXml(xml);
        return doc.GetElementsByTagName(name, NfeNamespaces.Nfe)[0]!.InnerText.Trim();
    }
}
