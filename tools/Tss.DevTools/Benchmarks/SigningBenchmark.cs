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
    /// <summary>
    /// Long enough for tiered JIT to settle before anything is measured: the XML and crypto code of the framework is
    /// ReadyToRun and is re-jitted to tier 1 in the background, which takes seconds on a busy core.
    /// </summary>
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs four phases of <paramref name="duration"/> each on the calling thread (after a warm-up of up to 5 s per
    /// path): sign a loaded document, parse + sign + serialize, digest only, bare RSA. The signed element is the first infNFe (or infEvento/infInut) of the document.
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

        var warmUp = duration < MaxWarmUp ? duration : MaxWarmUp;
        Repeat(time, warmUp, () => signer.Sign(signedElement));
        Repeat(time, warmUp, () => signer.Sign(unsignedNfeXml, elementName));
        Repeat(time, warmUp, () => signer.Sign(signedElement));

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
