namespace Tss.Protocol.Signing.Internal;

/// <summary>Receives canonical bytes in chunks (a hash, or a buffer in tests and diagnostics).</summary>
internal interface ICanonicalSink
{
    void Write(ReadOnlySpan<byte> bytes);
}
