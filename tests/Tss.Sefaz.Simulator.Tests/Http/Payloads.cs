using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tss.DevTools.Samples;
using Tss.Protocol.Signing;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>Request payloads and envelopes written by hand, as a SEFAZ client sends them.</summary>
internal static class Payloads
{
    public const string Nfe = "http://www.portalfiscal.inf.br/nfe";
    public const string HomologationName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    public static string Envelope(string service, string payload, string header = "") =>
        $"<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">{header}<soap:Body>"
        + $"<nfeDadosMsg xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/{service}\">{payload}</nfeDadosMsg></soap:Body></soap:Envelope>";

    public static string ZippedEnvelope(string payloadOrGarbage, bool compress = true)
    {
        var text = payloadOrGarbage;
        if (compress)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
            {
                gzip.Write(Encoding.UTF8.GetBytes(payloadOrGarbage));
            }

            text = Convert.ToBase64String(buffer.ToArray());
        }

        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
            + $"<nfeDadosMsgZip xmlns=\"http://www.portalfiscal.inf.br/nfe/wsdl/NFeAutorizacao4\">{text}</nfeDadosMsgZip></soap:Body></soap:Envelope>";
    }

    public static string ConsStatServ(int tpAmb = 2, int cUF = 35) =>
        $"<consStatServ xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>{tpAmb}</tpAmb><cUF>{cUF}</cUF><xServ>STATUS</xServ></consStatServ>";

    public static string ConsReciNFe(string nRec, int tpAmb = 2) =>
        $"<consReciNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>{tpAmb}</tpAmb><nRec>{nRec}</nRec></consReciNFe>";

    public static string ConsSitNFe(string chNFe, int tpAmb = 2) =>
        $"<consSitNFe xmlns=\"{Nfe}\" versao=\"4.00\"><tpAmb>{tpAmb}</tpAmb><xServ>CONSULTAR</xServ><chNFe>{chNFe}</chNFe></consSitNFe>";

    public static string EnviNFe(bool indSinc, params string[] signedNfe) =>
        $"<enviNFe xmlns=\"{Nfe}\" versao=\"4.00\"><idLote>{Random.Shared.NextInt64(1, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture)}</idLote>"
        + $"<indSinc>{(indSinc ? 1 : 0)}</indSinc>{string.Concat(signedNfe)}</enviNFe>";

    /// <summary>A sample NF-e, optionally edited before signing, signed by <paramref name="signer"/> (default: the emitter's).</summary>
    /// <param name="mod">55 NF-e or 65 NFC-e (an NFC-e comes without infNFeSupl; see <see cref="NfceQr.WithQrCode"/>).</param>
    public static string SignedNfe(FakeTimeProvider time, int nNF, Func<string, string>? edit = null,
        System.Security.Cryptography.X509Certificates.X509Certificate2? signer = null, int tpAmb = 2, int mod = 55, int tpEmis = 1)
    {
        var xml = SampleNfe.Create(
            new SampleNfeOptions { EmitCnpj = TestPki.EmitterCnpj, nNF = nNF, tpAmb = tpAmb, mod = mod, tpEmis = tpEmis }, time);
        if (edit is not null)
        {
            xml = edit(xml);
        }

        return new XmlDsigSigner(signer ?? TestPki.Signer).Sign(xml, "infNFe");
    }

    /// <summary>The access key of a signed NF-e (infNFe@Id without "NFe").</summary>
    public static string KeyOf(string nfe)
    {
        var start = nfe.IndexOf("Id=\"NFe", StringComparison.Ordinal) + 7;
        return nfe.Substring(start, 44);
    }

    /// <summary>The DigestValue of a signed NF-e.</summary>
    public static string DigestOf(string nfe)
    {
        const string open = "<DigestValue>";
        var start = nfe.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return nfe[start..nfe.IndexOf("</DigestValue>", start, StringComparison.Ordinal)];
    }
}
