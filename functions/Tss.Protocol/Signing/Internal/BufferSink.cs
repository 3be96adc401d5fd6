using System.Buffers;

namespace Tss.Protocol.Signing.Internal;

/// <summary>Collects canonical bytes (tests, diagnostics).</summary>
internal sealed class BufferSink : ICanonicalSink
{
    public ArrayBufferWriter<byte> Buffer { get; } = new();

    public void Write(ReadOnlySpan<byte> bytes) => Buffer.Write(bytes);
}
