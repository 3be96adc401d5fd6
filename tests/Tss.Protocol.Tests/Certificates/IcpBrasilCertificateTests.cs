using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tss.Protocol.Certificates;
using Tss.Protocol.Tests.Signing;

namespace Tss.Protocol.Tests.Certificates;

public class IcpBrasilCertificateTests
{
    [Fact]
    public void Cnpj_is_read_from_a_test_CA_e_CNPJ()
    {
        Assert.Equal("11222333000181", IcpBrasilCertificate.GetCnpj(SigningFixtures.Signer));
        Assert.Null(IcpBrasilCertificate.GetCpf(SigningFixtures.Signer));
    }

    [Theory]
    [InlineData(UniversalTagNumber.OctetString)]
    [InlineData(UniversalTagNumber.PrintableString)]
    [InlineData(UniversalTagNumber.UTF8String)]
    [InlineData(UniversalTagNumber.IA5String)]
    public void Cnpj_is_read_whatever_the_string_type(UniversalTagNumber type)
    {
        using var certificate = WithSubjectAltName(OtherNames((IcpBrasilCertificate.CnpjOid, "33000167000101", type)));

        Assert.Equal("33000167000101", IcpBrasilCertificate.GetCnpj(certificate));
    }

    [Fact]
    public void Alphanumeric_cnpj_is_read()
    {
        using var certificate = WithSubjectAltName(OtherNames((IcpBrasilCertificate.CnpjOid, "12ABC34501DE35", UniversalTagNumber.OctetString)));

        Assert.Equal("12ABC34501DE35", IcpBrasilCertificate.GetCnpj(certificate));
    }

    [Theory]
    [InlineData("1122233300018")]
    [InlineData("112223330001811")]
    [InlineData("11222333000l81")]
    [InlineData("112223330001AB")]
    [InlineData("11 222333000181")]
    [InlineData("")]
    public void Cnpj_with_wrong_length_or_characters_is_ignored(string content)
    {
        using var certificate = WithSubjectAltName(OtherNames((IcpBrasilCertificate.CnpjOid, content, UniversalTagNumber.OctetString)));

        Assert.Null(IcpBrasilCertificate.GetCnpj(certificate));
    }

    [Fact]
    public void Cnpj_is_found_among_other_general_names()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteCharacterString(UniversalTagNumber.IA5String, "fiscal@empresa.example", new Asn1Tag(TagClass.ContextSpecific, 1));
            WriteOtherName(writer, IcpBrasilCertificate.ResponsibleDataOid, "01011980123456789090000000000000000000000000000SSPSP ", UniversalTagNumber.OctetString);
            WriteOtherName(writer, IcpBrasilCertificate.CnpjOid, "11444777000161", UniversalTagNumber.OctetString);
            writer.WriteCharacterString(UniversalTagNumber.IA5String, "empresa.example", new Asn1Tag(TagClass.ContextSpecific, 2));
        }

        using var certificate = WithSubjectAltName(writer.Encode());

        Assert.Equal("11444777000161", IcpBrasilCertificate.GetCnpj(certificate));
    }

    [Theory]
    [InlineData(UniversalTagNumber.OctetString)]
    [InlineData(UniversalTagNumber.PrintableString)]
    [InlineData(UniversalTagNumber.UTF8String)]
    public void Cpf_is_read_after_the_birth_date_of_an_e_CPF(UniversalTagNumber type)
    {
        // Birth date ddMMyyyy, CPF, NIS, RG, RG issuer and UF, as DOC-ICP-04 lays out the e-CPF otherName.
        var content = "15031975" + "52998224725" + "12345678901" + "000000001234567" + "SSPSP ";
        using var certificate = WithSubjectAltName(OtherNames((IcpBrasilCertificate.CpfOid, content, type)));

        Assert.Equal("52998224725", IcpBrasilCertificate.GetCpf(certificate));
        Assert.Null(IcpBrasilCertificate.GetCnpj(certificate));
    }

    [Theory]
    [InlineData("150319755299822472")]
    [InlineData("15031975529982247X5")]
    [InlineData("1503197X52998224725")]
    public void Cpf_with_wrong_length_or_characters_is_ignored(string content)
    {
        using var certificate = WithSubjectAltName(OtherNames((IcpBrasilCertificate.CpfOid, content, UniversalTagNumber.OctetString)));

        Assert.Null(IcpBrasilCertificate.GetCpf(certificate));
    }

    [Fact]
    public void Certificate_without_subject_alt_name_has_no_cnpj()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=SEM SAN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.Null(IcpBrasilCertificate.GetCnpj(certificate));
        Assert.Null(IcpBrasilCertificate.GetCpf(certificate));
    }

    [Fact]
    public void Subject_alt_name_with_only_dns_names_has_no_cnpj()
    {
        var builder = new SubjectAlternativeNameBuilder();
        builder.AddDnsName("empresa.example");
        using var certificate = WithSubjectAltName(builder.Build().RawData);

        Assert.Null(IcpBrasilCertificate.GetCnpj(certificate));
    }

    public static TheoryData<byte[]> MalformedExtensions => new()
    {
        new byte[] { 0x30, 0x05, 0xA0, 0x03, 0x06 },
        new byte[] { 0xFF, 0xFF, 0xFF },
        new byte[] { 0x30, 0x00, 0x00 },
        Truncated(OtherNames((IcpBrasilCertificate.CnpjOid, "11222333000181", UniversalTagNumber.OctetString))),
        OtherNameWithValue(IcpBrasilCertificate.CnpjOid, [0x02, 0x01, 0x05]),
        OtherNameWithValue(IcpBrasilCertificate.CnpjOid, [0x0C, 0x02, 0xC3, 0x28]),
        OtherNameWithValue(IcpBrasilCertificate.CnpjOid, []),
    };

    [Theory]
    [MemberData(nameof(MalformedExtensions))]
    public void Malformed_subject_alt_name_yields_null_without_throwing(byte[] extension)
    {
        using var certificate = WithSubjectAltName(extension);

        Assert.Null(IcpBrasilCertificate.GetCnpj(certificate));
        Assert.Null(IcpBrasilCertificate.GetCpf(certificate));
    }

    private static X509Certificate2 WithSubjectAltName(byte[] extension)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=TESTE:00000000000000", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", extension, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static byte[] OtherNames(params (string Oid, string Value, UniversalTagNumber Type)[] names)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var (oid, value, type) in names)
            {
                WriteOtherName(writer, oid, value, type);
            }
        }

        return writer.Encode();
    }

    private static void WriteOtherName(AsnWriter writer, string oid, string value, UniversalTagNumber type)
    {
        var context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence(context0))
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSequence(context0))
            {
                if (type == UniversalTagNumber.OctetString)
                {
                    writer.WriteOctetString(Encoding.ASCII.GetBytes(value));
                }
                else
                {
                    writer.WriteCharacterString(type, value);
                }
            }
        }
    }

    /// <summary>A SubjectAltName whose otherName value is the given raw encoding (wrong type, bad UTF-8, nothing).</summary>
    private static byte[] OtherNameWithValue(string oid, byte[] encodedValue)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence())
        using (writer.PushSequence(context0))
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSequence(context0))
            {
                if (encodedValue.Length > 0)
                {
                    writer.WriteEncodedValue(encodedValue);
                }
            }
        }

        return writer.Encode();
    }

    private static byte[] Truncated(byte[] der) => der[..^3];
}
