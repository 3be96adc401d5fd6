using System.Security.Cryptography;

namespace Tss.Protocol.Signing.Internal;

/// <summary>Feeds canonical bytes straight into an incremental hash, so no canonical copy of the document exists.</summary>
internal sealed class HashSink(IncrementalHash hash) : ICanonicalSink
{
    public IncrementalHash Hash { get; } = hash;

    public void Write(ReadOnlySpan<byte> bytes) => Hash.AppendData(bytes);
}
