namespace Tss.DevTools.Benchmarks;

/// <summary>Throughput of one-thread signing on this machine (see <see cref="SigningBenchmark"/>).</summary>
/// <param name="DocumentBytes">UTF-8 size of the unsigned document.</param>
/// <param name="SignaturesPerSecond">Sign of an already-loaded document: C14N + SHA-1 digest, Signature build, SignedInfo C14N, RSA.</param>
/// <param name="ParseSignSerializePerSecond">The whole <c>Sign(string)</c>: safe parse, sign, serialize.</param>
/// <param name="DigestsPerSecond">C14N + SHA-1 of the signed element alone.</param>
/// <param name="RsaSignaturesPerSecond">Bare RSA-2048 PKCS#1 SHA-1 signatures with the same key (the ceiling).</param>
/// <param name="PhaseDuration">How long each of the four phases ran.</param>
public sealed record SigningBenchmarkResult(
    int DocumentBytes,
    double SignaturesPerSecond,
    double ParseSignSerializePerSecond,
    double DigestsPerSecond,
    double RsaSignaturesPerSecond,
    TimeSpan PhaseDuration);
