using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tss.Protocol.Certificates;

namespace Tss.DevTools.Pki.Internal;

/// <summary>Subjects and extensions of the certificates the test CA issues, shaped like ICP-Brasil's.</summary>
internal static class CertificateProfiles
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid EmailProtection = new("1.3.6.1.5.5.7.3.4");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    // Placeholder data for the responsible person of a test e-CNPJ (birth date, a valid-format test CPF, zeroed NIS/RG).
    private const string ResponsibleData = "01011980" + "12345678909" + "00000000000" + "000000000000000" + "SSPSP ";
    private const string ResponsibleName = "RESPONSAVEL TESTE";
    private const string Cei = "000000000000";

    public static X500DistinguishedName CaSubject(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName("TSS Functions (development only)");
        builder.AddCountryOrRegion("BR");
        return builder.Build();
    }

    /// <summary>"CN=NAME:CNPJ, OU=..., O=ICP-Brasil, C=BR", as ICP-Brasil e-CNPJ subjects read (the builder encodes
    /// the RDNs in reverse order of the calls, so C=BR comes first in DER as in real certificates).</summary>
    public static X500DistinguishedName ECnpjSubject(string companyName, string cnpj)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName($"{companyName}:{cnpj}");
        builder.AddOrganizationalUnitName("TESTE - sem valor fiscal");
        builder.AddOrganizationalUnitName("RFB e-CNPJ A1");
        builder.AddOrganizationalUnitName("Secretaria da Receita Federal do Brasil - RFB");
        builder.AddOrganizationName("ICP-Brasil");
        builder.AddCountryOrRegion("BR");
        return builder.Build();
    }

    public static X500DistinguishedName ServerSubject(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName("TSS Functions (development only)");
        builder.AddCountryOrRegion("BR");
        return builder.Build();
    }

    public static void AddCaExtensions(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    public static void AddIntermediateExtensions(CertificateRequest request, X509Certificate2 issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
    }

    public static void AddECnpjExtensions(CertificateRequest request, string cnpj, X509Certificate2 issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuth, EmailProtection], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", ECnpjSubjectAltName(cnpj), false));
    }

    public static void AddServerExtensions(CertificateRequest request, IEnumerable<string> dnsNames, X509Certificate2 issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));

        var san = new SubjectAlternativeNameBuilder();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in dnsNames.Append("localhost"))
        {
            if (!string.IsNullOrWhiteSpace(name) && names.Add(name))
            {
                if (IPAddress.TryParse(name, out var address))
                {
                    san.AddIpAddress(address);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }
        }

        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            if (names.Add(address.ToString()))
            {
                san.AddIpAddress(address);
            }
        }

        request.CertificateExtensions.Add(san.Build());
    }

    /// <summary>GeneralNames with the ICP-Brasil otherNames of an e-CNPJ, each an OCTET STRING as DOC-ICP-04 says.</summary>
    public static byte[] ECnpjSubjectAltName(string cnpj)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteOtherName(writer, IcpBrasilCertificate.ResponsibleDataOid, ResponsibleData);
            WriteOtherName(writer, IcpBrasilCertificate.ResponsibleNameOid, ResponsibleName);
            WriteOtherName(writer, IcpBrasilCertificate.CnpjOid, cnpj);
            WriteOtherName(writer, IcpBrasilCertificate.CeiOid, Cei);
        }

        return writer.Encode();
    }

    public static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        // Positive and with no leading zero octet, as RFC 5280 wants.
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    /// <summary>Attaches the key and round-trips through PFX: the result behaves like a certificate loaded from an A1 file.</summary>
    public static X509Certificate2 WithExportableKey(X509Certificate2 certificate, RSA key)
    {
        using var withKey = certificate.HasPrivateKey ? null : certificate.CopyWithPrivateKey(key);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return X509CertificateLoader.LoadPkcs12((withKey ?? certificate).Export(X509ContentType.Pkcs12, password), password, X509KeyStorageFlags.Exportable);
    }

    private static void WriteOtherName(AsnWriter writer, string oid, string value)
    {
        var context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence(context0))
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSequence(context0))
            {
                writer.WriteOctetString(Encoding.ASCII.GetBytes(value));
            }
        }
    }
}
