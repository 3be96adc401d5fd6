using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tss.Tenancy.Certificates.Internal;

/// <summary>
/// The envelope format: "TSSCERT1" | u8 length + master key id | wrap nonce (12) | wrap tag (16) | wrapped data key (32)
/// | data nonce (12) | data tag (16) | u32 length + ciphertext. The data key encrypts the payload with AES-256-GCM, the
/// master key wraps the data key with AES-256-GCM; both bind the reference as associated data, so an envelope copied
/// to another entity's reference does not decrypt.
/// </summary>
internal static class CertificateEnvelope
{
    private static readonly byte[] Magic = "TSSCERT1"u8.ToArray();
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;

    public static byte[] Seal(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> masterKey, string masterKeyId, string reference)
    {
        var keyId = Encoding.UTF8.GetBytes(masterKeyId);
        var aad = Encoding.UTF8.GetBytes(reference);
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var size = Magic.Length + 1 + keyId.Length + NonceSize + TagSize + KeySize + NonceSize + TagSize + 4 + payload.Length;
            var output = new byte[size];
            var w = output.AsSpan();
            Magic.CopyTo(w);
            w = w[Magic.Length..];
            w[0] = (byte)keyId.Length;
            keyId.CopyTo(w[1..]);
            w = w[(1 + keyId.Length)..];

            var wrapNonce = w[..NonceSize];
            RandomNumberGenerator.Fill(wrapNonce);
            using (var wrap = new AesGcm(masterKey, TagSize))
            {
                wrap.Encrypt(wrapNonce, dataKey, w.Slice(NonceSize + TagSize, KeySize), w.Slice(NonceSize, TagSize), WrapAad(keyId, aad));
            }
            w = w[(NonceSize + TagSize + KeySize)..];

            var dataNonce = w[..NonceSize];
            RandomNumberGenerator.Fill(dataNonce);
            BinaryPrimitives.WriteInt32BigEndian(w.Slice(NonceSize + TagSize, 4), payload.Length);
            using (var data = new AesGcm(dataKey, TagSize))
            {
                data.Encrypt(dataNonce, payload, w[(NonceSize + TagSize + 4)..], w.Slice(NonceSize, TagSize), aad);
            }
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The master key id named in an envelope (to pick the key), or null when it is not an envelope.</summary>
    public static string? ReadMasterKeyId(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < Magic.Length + 1 || !envelope.StartsWith(Magic))
        {
            return null;
        }
        var length = envelope[Magic.Length];
        return envelope.Length < Magic.Length + 1 + length ? null : Encoding.UTF8.GetString(envelope.Slice(Magic.Length + 1, length));
    }

    /// <exception cref="CryptographicException">Wrong master key, wrong reference, or a damaged envelope.</exception>
    public static byte[] Open(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> masterKey, string reference)
    {
        var keyId = ReadMasterKeyId(envelope) ?? throw new CryptographicException("Not a certificate envelope.");
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        var aad = Encoding.UTF8.GetBytes(reference);
        var r = envelope[(Magic.Length + 1 + keyIdBytes.Length)..];
        if (r.Length < NonceSize + TagSize + KeySize + NonceSize + TagSize + 4)
        {
            throw new CryptographicException("Truncated certificate envelope.");
        }
        var dataKey = new byte[KeySize];
        try
        {
            using (var wrap = new AesGcm(masterKey, TagSize))
            {
                wrap.Decrypt(r[..NonceSize], r.Slice(NonceSize + TagSize, KeySize), r.Slice(NonceSize, TagSize), dataKey, WrapAad(keyIdBytes, aad));
            }
            r = r[(NonceSize + TagSize + KeySize)..];
            var length = BinaryPrimitives.ReadInt32BigEndian(r.Slice(NonceSize + TagSize, 4));
            var cipher = r[(NonceSize + TagSize + 4)..];
            if (length != cipher.Length)
            {
                throw new CryptographicException("Truncated certificate envelope.");
            }
            var payload = new byte[length];
            using var data = new AesGcm(dataKey, TagSize);
            data.Decrypt(r[..NonceSize], cipher, r.Slice(NonceSize, TagSize), payload, aad);
            return payload;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] WrapAad(byte[] keyId, byte[] reference) => [.. keyId, (byte)0, .. reference];
}
