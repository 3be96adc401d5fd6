using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;

namespace Tss.DevTools.Benchmarks;

/// <summary>
/// Measures XMLDSig signing throughput on one thread. Prints nothing; the CLI (<c>tss bench sign</c>) shows the figures.
/// </summary>
public static class SigningBenchmark
{
    private const int WarmUpIterations = 200;

    /// <summary>
    /// Runs four phases of <paramref name="duration"/> each on the calling thread: sign a loaded document, parse + sign +
    /// serialize, digest only, bare RSA. The signed element is the first infNFe (or infEvento/infInut) of the document.
    /// </summary>
    public static SigningBenchmarkResult Run(string unsignedNfeXml, X509Certificate2 cert, TimeSpan duration, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(unsignedNfeXml);
        ArgumentNullException.ThrowIfNull(cert);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var time = timeProvider ?? TimeProvider.System;

        using var signer = new XmlDsigSigner(cert);
        var document = SafeXml.Load(unsignedNfeXml);
        var elementName = SignedElementName(document);
        var signedElement = (XmlElement)document.GetElementsByTagName(elementName, "*")[0]!;
        using var key = cert.GetRSAPrivateKey()!;
        var hash = new byte[20];

        for (var i = 0; i < WarmUpIterations; i++)
        {
            signer.Sign(signedElement);
            signer.Sign(unsignedNfeXml, elementName);
        }

        var signs = Repeat(time, duration, () => signer.Sign(signedElement));
        var full = Repeat(time, duration, () => signer.Sign(unsignedNfeXml, elementName));
        var digests = Repeat(time, duration, () => InclusiveC14N.ComputeSha1(signedElement));
        var rsa = Repeat(time, duration, () => key.SignHash(hash, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));

        return new SigningBenchmarkResult(Encoding.UTF8.GetByteCount(unsignedNfeXml), signs, full, digests, rsa, duration);
    }

    private static string SignedElementName(XmlDocument document)
    {
        foreach (var name in new[] { "infNFe", "infEvento", "infInut", "infCte", "infMDFe" })
        {
            if (document.GetElementsByTagName(name, "*").Count > 0)
            {
                return name;
            }
        }

        throw new ArgumentException("The document has no infNFe, infEvento, infInut, infCte or infMDFe element to sign.");
    }

    /// <summary>Calls <paramref name="action"/> until <paramref name="duration"/> has passed; returns calls per second.</summary>
    private static double Repeat<T>(TimeProvider time, TimeSpan duration, Func<T> action)
    {
        var start = time.GetTimestamp();
        long count = 0;
        TimeSpan elapsed;
        do
        {
            action();
            count++;
            elapsed = time.GetElapsedTime(start);
        }
        while (elapsed < duration);

        return count / elapsed.TotalSeconds;
    }
}
