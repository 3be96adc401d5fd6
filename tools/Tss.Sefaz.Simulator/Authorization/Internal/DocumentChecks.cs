using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Certificates;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Hosting;
using Tss.Sefaz.Simulator.Lots;
using Tss.Sefaz.Simulator.Nfce;

namespace Tss.Sefaz.Simulator.Authorization.Internal;

/// <summary>
/// The per-document checks SEFAZ runs before the duplicity check, in its order; the first failure is the document's
/// cStat: signature (297/298), signing certificate (290–293), CNPJ-base of the signer (213), access key
/// (227/236/253/502), homologation recipient name (598), and for an NFC-e (model 65) its QR code (394/396/397/462–464).
/// The lot engine turns a failure into that document's protNFe; the other documents of the lot go on.
/// </summary>
internal sealed partial class DocumentChecks(SimulatorCertificates certificates, CscRegistry cscs)
{
    /// <summary>The text dest/xNome must carry in homologation.</summary>
    public const string HomologationName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    private const string NoKey = "00000000000000000000000000000000000000000000";

    public LotDocument Check(XmlElement nfe, DateTimeOffset dhRecbto)
    {
        var infNFe = NfeXml.Child(nfe, "infNFe");
        var chNFe = ReadKey(nfe, infNFe);
        var tpAmb = NfeXml.Int(infNFe, "ide", "tpAmb") ?? 0;
        var mod = NfeXml.Int(infNFe, "ide", "mod") ?? 0;
        var numbering = chNFe == NoKey ? chNFe : string.Concat(chNFe.AsSpan(0, 2), chNFe.AsSpan(6, 28));
        var document = new LotDocument(chNFe, numbering, tpAmb, mod, null);
        if (infNFe is null)
        {
            return Reject(document, 225);
        }

        var signature = SignatureVerifier.Verify(Standalone(nfe));
        // digVal is echoed in protNFe, whose schema types it as Base64: hostile text is not echoed.
        var digest = signature.DigestValue;
        document = document with { digVal = digest is not null && IsBase64(digest) ? digest : null };
        var signatureStatus = signature.Failure switch
        {
            SignatureFailure.None => 0,
            SignatureFailure.Missing => 225,
            SignatureFailure.NotStandard or SignatureFailure.ReferenceMismatch => 298,
            SignatureFailure.DigestMismatch or SignatureFailure.SignatureInvalid => 297,
            _ => 290,
        };
        if (signatureStatus != 0)
        {
            return Reject(document, signatureStatus);
        }

        if (signature.Certificate is not { } signer)
        {
            return Reject(document, 290);
        }

        var certificateStatus = CheckSigner(signer, infNFe, dhRecbto);
        if (certificateStatus != 0)
        {
            return Reject(document, certificateStatus);
        }

        var keyIssues = NfeKeyConsistency.Check(nfe);
        if (keyIssues.Count > 0)
        {
            return Reject(document, keyIssues[0].cStat);
        }

        if (tpAmb == 2 && NfeXml.Child(infNFe, "dest") is { } dest
            && !string.Equals(NfeXml.Text(dest, "xNome"), HomologationName, StringComparison.Ordinal))
        {
            return Reject(document, 598);
        }

        if (mod == 65)
        {
            // infNFeSupl sits outside the signed infNFe, so it is read from the NFe element itself.
            var qrCode = NfeXml.Child(nfe, "infNFeSupl") is { } supl ? NfeXml.Text(supl, "qrCode") ?? "" : null;
            // Digit 35 of the key is tpEmis: 9 is an NFC-e issued off-line and transmitted later.
            var qrStatus = chNFe.Length == 44 && chNFe[34] == '9'
                ? NfceOfflineCheck.Check(qrCode, infNFe, chNFe, tpAmb, digest, signer, cscs, dhRecbto)
                : NfceQrCodeCheck.Check(qrCode, chNFe, tpAmb, NfeXml.Text(infNFe, "emit", "CNPJ"), cscs);
            if (qrStatus != 0)
            {
                return Reject(document, qrStatus);
            }
        }

        return document;
    }

    private int CheckSigner(X509Certificate2 signer, XmlElement infNFe, DateTimeOffset dhRecbto)
    {
        if (dhRecbto < signer.NotBefore.ToUniversalTime() || dhRecbto > signer.NotAfter.ToUniversalTime())
        {
            return 291;
        }

        var signerCnpj = IcpBrasilCertificate.GetCnpj(signer);
        var signerCpf = signerCnpj is null ? IcpBrasilCertificate.GetCpf(signer) : null;
        if (signerCnpj is null && signerCpf is null)
        {
            return 292;
        }

        if (!CertificateChains.ChainsTo(signer, certificates.ClientCa))
        {
            return 293;
        }

        // Only the signer's CNPJ-base must match the emitter; any ICP-Brasil certificate may transmit.
        var emitCnpj = NfeXml.Text(infNFe, "emit", "CNPJ");
        var emitCpf = NfeXml.Text(infNFe, "emit", "CPF");
        var matches = emitCnpj is not null
            ? signerCnpj is not null && emitCnpj.Length >= 8 && signerCnpj.Length >= 8
                && emitCnpj.AsSpan(0, 8).SequenceEqual(signerCnpj.AsSpan(0, 8))
            : signerCpf is not null && signerCpf == emitCpf;
        return matches ? 0 : 213;
    }

    private static string ReadKey(XmlElement nfe, XmlElement? infNFe)
    {
        var key = NfeKeyConsistency.ReadKey(nfe);
        if (key is { Length: 44 })
        {
            return key;
        }

        // An Id SEFAZ cannot read still yields a key-shaped chNFe so the protNFe stays schema-valid.
        var id = infNFe?.GetAttribute("Id") ?? "";
        var candidate = id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : id;
        return KeyShape().IsMatch(candidate) ? candidate : NoKey;
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    [GeneratedRegex("^[0-9]{6}[0-9A-Z]{12}[0-9]{26}$")]
    private static partial Regex KeyShape();

    private static LotDocument Reject(LotDocument document, int cStat) =>
        document with { RejectioncStat = cStat, RejectionxMotivo = Motivos.Text(cStat) };

    /// <summary>
    /// The NF-e as a document of its own. An NF-e is signed on its own, and inclusive C14N would otherwise pull the
    /// SOAP envelope's namespace declarations (xmlns:soap…) into the canonical form; SEFAZ verifies the NF-e itself.
    /// </summary>
    private static XmlElement Standalone(XmlElement nfe)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copy = (XmlElement)doc.ImportNode(nfe, deep: true);
        doc.AppendChild(copy);
        return NfeXml.Child(copy, "infNFe")!;
    }
}
