using Microsoft.AspNetCore.Http;
using Tss.Tenancy.Certificates;

namespace Tss.Portal.Entities;

/// <summary>Reads an uploaded PFX into memory, never more than one byte past the store's limit (the store then refuses it as too large).</summary>
public static class UploadedPfx
{
    /// <summary>Largest multipart body a certificate form accepts (PFX limit plus the other fields).</summary>
    public const int MaxFormBytes = CertificateValidation.MaxPfxBytes + 16 * 1024;

    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }
        var limit = CertificateValidation.MaxPfxBytes + 1;
        using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(file.Length, limit)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
