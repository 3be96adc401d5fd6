using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Tests.Nfce;

public class NfceQrCodeCheckTests
{
    private const string Cnpj = "11222333000181";
    private const string Key = "35251011222333000181650010000000011000000018";
    private const string OfflineKey = "35251011222333000181650010000000019000000018";
    private const string Csc = "0123456789ABCDEF0123456789ABCDEF";
    private const string Url = "https://www.homologacao.nfce.fazenda.sp.gov.br/qrcode";

    // UPPER(hex(SHA1("<Key>|2|2|1" + Csc))), computed outside .NET (Python hashlib).
    private const string KnownHash = "347BE057206241F6D8E3C9B9B11D231789A61747";

    private static CscRegistry Registry()
    {
        var cscs = new CscRegistry();
        cscs.Register(Cnpj, 1, Csc);
        return cscs;
    }

    private static int Check(string? qrCode, string chNFe = Key, int tpAmb = 2, string? emitCnpj = Cnpj, CscRegistry? cscs = null) =>
        NfceQrCodeCheck.Check(qrCode, chNFe, tpAmb, emitCnpj, cscs ?? Registry());

    [Fact]
    public void Hash_follows_the_published_formula()
    {
        Assert.Equal(KnownHash, NfceQrCodeCheck.Hash($"{Key}|2|2|1", Csc));
    }

    [Fact]
    public void Well_formed_v2_and_v3_codes_pass()
    {
        Assert.Equal(0, Check($"{Url}?p={Key}|2|2|1|{KnownHash}"));
        Assert.Equal(0, Check($"{Url}?p={Key}|2|2|1|{KnownHash.ToLowerInvariant()}"));
        Assert.Equal(0, Check($"{Url}?p={Key}|3|2"));
    }

    [Fact]
    public void Missing_infNFeSupl_is_394()
    {
        Assert.Equal(394, Check(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData(Url)]
    [InlineData(Url + "?chNFe=" + Key + "&nVersao=100&tpAmb=2")]
    [InlineData(Url + "?p=")]
    [InlineData(Url + "?p=" + Key)]
    [InlineData(Url + "?p=" + Key + "|3")]
    [InlineData(Url + "?p=1234|3|2")]
    [InlineData(Url + "?p=" + Key + "|4|2")]
    [InlineData(Url + "?p=" + Key + "|1|2")]
    [InlineData(Url + "?p=" + Key + "||2")]
    [InlineData(Url + "?p=" + Key + "|3|3")]
    [InlineData(Url + "?p=" + Key + "|3|2|")]
    [InlineData(Url + "?p=" + Key + "|3|2|extra")]
    [InlineData(Url + "?p=" + Key + "|2|2|1")]
    [InlineData(Url + "?p=" + Key + "|2|2|01|" + KnownHash)]
    [InlineData(Url + "?p=" + Key + "|2|2|1234567|" + KnownHash)]
    [InlineData(Url + "?p=" + Key + "|2|2|1|" + KnownHash + "00")]
    [InlineData(Url + "?p=" + Key + "|2|2|1|XYZ")]
    [InlineData(Url + "?p=" + Key + "|2|2|1|" + KnownHash + "|")]
    public void Missing_or_ill_formed_parameters_are_396(string qrCode)
    {
        Assert.Equal(396, Check(qrCode));
    }

    [Fact]
    public void The_on_line_check_finds_parameters_missing_in_an_off_line_key()
    {
        Assert.Equal(396, Check($"{Url}?p={OfflineKey}|3|2", chNFe: OfflineKey));
        Assert.Equal(396, Check($"{Url}?p={OfflineKey}|2|2|25|10.00|{new string('A', 56)}|1|{KnownHash}", chNFe: OfflineKey));
    }

    [Fact]
    public void Another_key_or_environment_is_397()
    {
        var other = string.Concat(Key.AsSpan(0, 43), "9");
        Assert.Equal(397, Check($"{Url}?p={other}|3|2"));
        Assert.Equal(397, Check($"{Url}?p={Key}|3|1"));
        Assert.Equal(397, Check($"{Url}?p={Key}|2|1|1|{NfceQrCodeCheck.Hash($"{Key}|2|1|1", Csc)}"));
    }

    [Fact]
    public void Csc_unknown_revoked_or_hashed_wrongly_is_462_463_464()
    {
        Assert.Equal(462, Check($"{Url}?p={Key}|2|2|2|{NfceQrCodeCheck.Hash($"{Key}|2|2|2", Csc)}"));
        Assert.Equal(462, Check($"{Url}?p={Key}|2|2|1|{KnownHash}", emitCnpj: "99888777000166"));
        Assert.Equal(462, Check($"{Url}?p={Key}|2|2|1|{KnownHash}", emitCnpj: null));
        Assert.Equal(464, Check($"{Url}?p={Key}|2|2|1|{NfceQrCodeCheck.Hash($"{Key}|2|2|1", "OUTRO0123456789ABCDEF")}"));

        var cscs = Registry();
        Assert.True(cscs.Revoke(Cnpj, 1));
        Assert.Equal(463, Check($"{Url}?p={Key}|2|2|1|{KnownHash}", cscs: cscs));
    }

    [Fact]
    public void V3_needs_no_csc()
    {
        Assert.Equal(0, Check($"{Url}?p={Key}|3|2", emitCnpj: null, cscs: new CscRegistry()));
    }
}
