using System.IO.Compression;
using System.Text;

namespace Tss.Mde.Protocol;

/// <summary>
/// Unpacks a docZip (Base64 of GZip) defensively: the compressed text is bounded, decompression stops at
/// <c>maxBytes</c> (a gzip bomb must not exhaust memory), and the result must be UTF-8.
/// </summary>
public static class DocZipReader
{
    /// <exception cref="MdeException"><see cref="MdeErrorCodes.DocZipInvalid"/> or <see cref="MdeErrorCodes.DocZipTooLarge"/>.</exception>
    public static string Unpack(string base64, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(base64);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        // Base64 of a compressed document is never larger than the document itself would be, with margin.
        if (base64.Length > (long)maxBytes * 2)
        {
            throw new MdeException(MdeErrorCodes.DocZipTooLarge, $"docZip maior que o limite ({maxBytes} bytes).");
        }
        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new MdeException(MdeErrorCodes.DocZipInvalid, "docZip não é Base64 válido.");
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new MdeException(MdeErrorCodes.DocZipTooLarge, $"docZip descompactado excede o limite de {maxBytes} bytes.");
                }
                output.Write(buffer, 0, read);
            }
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output.GetBuffer(), 0, (int)output.Length).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw new MdeException(MdeErrorCodes.DocZipInvalid, "docZip não é GZip de um texto UTF-8.");
        }
    }
}
