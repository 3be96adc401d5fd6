using System.Net;
using System.Net.Http.Json;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Tests.Http;

/// <summary>NFeAutorizacao4 for model 65: the QR code checks, answered per document inside the lot's 104.</summary>
public class NfceAuthorizationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Csc = "A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6";
    private static int _nNF = 7000;

    public async ValueTask InitializeAsync() => await simulator.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Nfce_without_qr_code_is_rejected_394_inside_the_processed_lot()
    {
        var nfce = SignedNfce();

        var reply = await SendAsync(nfce);

        Assert.Equal(104, reply.cStat);
        var prot = Assert.Single(reply.ProtNFe);
        Assert.Equal(394, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Nota Fiscal sem a informação do QR-Code", SoapReply.Field(prot, "xMotivo"));
        Assert.Equal(Payloads.KeyOf(nfce), SoapReply.Field(prot, "chNFe"));
        Assert.Null(SoapReply.Field(prot, "nProt"));
        Assert.Equal(217, (await simulator.CallAsync("NFeConsultaProtocolo4", Payloads.ConsSitNFe(Payloads.KeyOf(nfce)))).cStat);
    }

    [Fact]
    public async Task Nfce_with_a_v3_qr_code_is_authorized()
    {
        var nfce = SignedNfce();

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V3(Payloads.KeyOf(nfce))));

        Assert.Equal(100, SoapReply.Stat(prot));
        Assert.Matches("^1[0-9]{14}$", SoapReply.Field(prot, "nProt"));
    }

    [Fact]
    public async Task Nfce_with_a_v2_qr_code_hashed_with_the_registered_csc_is_authorized()
    {
        await RegisterAsync(7, Csc);
        var nfce = SignedNfce();

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V2(Payloads.KeyOf(nfce), 7, Csc)));

        Assert.Equal(100, SoapReply.Stat(prot));
    }

    [Fact]
    public async Task V2_hash_is_compared_without_regard_to_case()
    {
        await RegisterAsync(7, Csc);
        var nfce = SignedNfce();
        var qrCode = NfceQr.V2(Payloads.KeyOf(nfce), 7, Csc);
        var lowerHash = qrCode[..^40] + qrCode[^40..].ToLowerInvariant();
        Assert.NotEqual(qrCode, lowerHash);

        Assert.Equal(100, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(nfce, lowerHash))));
    }

    [Fact]
    public async Task V2_qr_code_with_an_unregistered_csc_id_is_rejected_462()
    {
        await RegisterAsync(7, Csc);
        var nfce = SignedNfce();

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V2(Payloads.KeyOf(nfce), 8, Csc)));

        Assert.Equal(462, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Código Identificador do CSC no QR-Code não cadastrado na SEFAZ", SoapReply.Field(prot, "xMotivo"));
    }

    [Fact]
    public async Task V2_qr_code_with_a_csc_of_another_emitter_is_rejected_462()
    {
        await RegisterAsync(7, Csc, cnpj: TestPki.TransmitterCnpj);
        var nfce = SignedNfce();

        Assert.Equal(462, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V2(Payloads.KeyOf(nfce), 7, Csc)))));
    }

    [Fact]
    public async Task V2_qr_code_with_a_revoked_csc_is_rejected_463()
    {
        await RegisterAsync(3, Csc);
        var first = SignedNfce();
        Assert.Equal(100, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(first, NfceQr.V2(Payloads.KeyOf(first), 3, Csc)))));

        using var revoked = await simulator.Admin.DeleteAsync(CscPath(TestPki.EmitterCnpj, "3"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var second = SignedNfce();
        var prot = await SendOneAsync(NfceQr.WithQrCode(second, NfceQr.V2(Payloads.KeyOf(second), 3, Csc)));

        Assert.Equal(463, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Código Identificador do CSC no QR-Code foi revogado pela empresa", SoapReply.Field(prot, "xMotivo"));
    }

    [Fact]
    public async Task V2_qr_code_hashed_with_another_csc_is_rejected_464()
    {
        await RegisterAsync(7, Csc);
        var nfce = SignedNfce();

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V2(Payloads.KeyOf(nfce), 7, "OUTROCSC0123456789ABCDEF")));

        Assert.Equal(464, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Código de Hash no QR-Code difere do calculado", SoapReply.Field(prot, "xMotivo"));
    }

    [Fact]
    public async Task Qr_code_naming_another_key_is_rejected_397()
    {
        var nfce = SignedNfce();
        var other = Payloads.KeyOf(SignedNfce());

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V3(other)));

        Assert.Equal(397, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Parâmetro do QR-Code divergente da Nota Fiscal (chAcesso)", SoapReply.Field(prot, "xMotivo"));
    }

    [Fact]
    public async Task Qr_code_naming_another_environment_is_rejected_397()
    {
        var nfce = SignedNfce();

        Assert.Equal(397, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V3(Payloads.KeyOf(nfce), tpAmb: 1)))));
    }

    [Fact]
    public async Task Obsolete_v1_qr_code_without_the_p_parameter_is_rejected_396()
    {
        var nfce = SignedNfce();
        var key = Payloads.KeyOf(nfce);
        var v1 = $"{NfceQr.Url}?chNFe={key}&nVersao=100&tpAmb=2&dhEmi={new string('A', 50)}&vNF=10.00&vICMS=0.00"
            + $"&digVal={new string('B', 56)}&cIdToken=000001&cHashQRCode={new string('C', 40)}";

        var prot = await SendOneAsync(NfceQr.WithQrCode(nfce, v1));

        Assert.Equal(396, SoapReply.Stat(prot));
        Assert.Equal("Rejeição: Parâmetro do QR-Code inexistente (chAcesso)", SoapReply.Field(prot, "xMotivo"));
    }

    [Fact]
    public async Task An_offline_nfce_whose_v3_qr_code_is_not_signed_by_the_issuer_is_rejected_464()
    {
        var nfce = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), mod: 65, tpEmis: 9);
        var key = Payloads.KeyOf(nfce);
        Assert.Equal('9', key[34]);
        var parsed = new System.Xml.XmlDocument();
        parsed.LoadXml(nfce);
        var dhEmi = parsed.GetElementsByTagName("dhEmi")[0]!.InnerText;
        var vNF = decimal.Parse(parsed.GetElementsByTagName("vNF")[0]!.InnerText, System.Globalization.CultureInfo.InvariantCulture);
        var dest = parsed.GetElementsByTagName("dest")[0] is System.Xml.XmlElement d && d.GetElementsByTagName("CNPJ")[0] is { } cnpj
            ? $"1|{cnpj.InnerText}"
            : "|";
        var offline = $"{NfceQr.Url}?p={key}|3|2|{dhEmi.Substring(8, 2)}|{vNF.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}|{dest}|"
            + Convert.ToBase64String(new byte[256]);

        Assert.Equal(464, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(nfce, offline))));
    }

    [Fact]
    public async Task Nfe_model_55_needs_no_qr_code()
    {
        var nfe = Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF));
        Assert.DoesNotContain("infNFeSupl", nfe, StringComparison.Ordinal);

        Assert.Equal(100, SoapReply.Stat(await SendOneAsync(nfe)));
    }

    [Fact]
    public async Task Reset_forgets_the_registered_cscs()
    {
        await RegisterAsync(7, Csc);
        Assert.Single(await simulator.GetAsync<List<CscView>>($"/admin/nfce/{TestPki.EmitterCnpj}/csc"));

        await simulator.ResetAsync();

        Assert.Empty(await simulator.GetAsync<List<CscView>>($"/admin/nfce/{TestPki.EmitterCnpj}/csc"));
        var nfce = SignedNfce();
        Assert.Equal(462, SoapReply.Stat(await SendOneAsync(NfceQr.WithQrCode(nfce, NfceQr.V2(Payloads.KeyOf(nfce), 7, Csc)))));
    }

    private string SignedNfce() => Payloads.SignedNfe(simulator.Time, Interlocked.Increment(ref _nNF), mod: 65);

    private Task<SoapReply> SendAsync(string nfce) => simulator.CallAsync("NFeAutorizacao4", Payloads.EnviNFe(true, nfce));

    private async Task<System.Xml.XmlElement> SendOneAsync(string nfe)
    {
        var reply = await SendAsync(nfe);
        Assert.Equal(104, reply.cStat);
        return Assert.Single(reply.ProtNFe);
    }

    private async Task RegisterAsync(int idCsc, string csc, string cnpj = TestPki.EmitterCnpj)
    {
        using var response = await simulator.Admin.PutAsJsonAsync(CscPath(cnpj, idCsc.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new { csc }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    internal static Uri CscPath(string cnpj, string idCsc) => new($"/admin/nfce/{cnpj}/csc/{idCsc}", UriKind.Relative);
}
