using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tss.Trust.Internal;

/// <summary>Reads certificates and CRLs from configured files or directories (PEM with one or more blocks, or DER).</summary>
internal static class CertificateFiles
{
    private static readonly string[] CertificateExtensions = [".crt", ".cer", ".pem", ".der"];
    private static readonly string[] CrlExtensions = [".crl", ".pem", ".der"];

    /// <summary>The files a configured path names: the file itself, or the matching files of a directory (sorted).</summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a directory.</exception>
    public static IReadOnlyList<string> Expand(string path, string[] extensions)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return [full];
        }
        if (Directory.Exists(full))
        {
            return [.. Directory.EnumerateFiles(full)
                .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        throw new FileNotFoundException($"'{path}' is neither a file nor a directory (resolved to {full}).", full);
    }

    /// <summary>Every certificate under the configured paths (blank entries skipped).</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="CryptographicException">A file holds no readable certificate.</exception>
    public static X509Certificate2Collection LoadCertificates(IEnumerable<string> paths)
    {
        var all = new X509Certificate2Collection();
        foreach (var path in paths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            foreach (var file in Expand(path, CertificateExtensions))
            {
                all.AddRange(ReadCertificates(file));
            }
        }
        return all;
    }

    /// <summary>The certificates of one file: every PEM CERTIFICATE block, or the file as one DER certificate.</summary>
    public static X509Certificate2Collection ReadCertificates(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var collection = new X509Certificate2Collection();
        if (LooksLikePem(bytes))
        {
            collection.ImportFromPem(Encoding.ASCII.GetString(bytes));
        }
        else
        {
            collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        }
        if (collection.Count == 0)
        {
            throw new CryptographicException($"No certificate in {file}.");
        }
        return collection;
    }

    /// <summary>The DER bytes of every CRL under the configured paths (PEM "X509 CRL" blocks or DER files).</summary>
    public static IReadOnlyList<(string File, byte[] Der)> LoadCrls(IEnumerable<string> paths)
    {
        var all = new List<(string, byte[])>();
        foreach (var path in paths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            foreach (var file in Expand(path, CrlExtensions))
            {
                var bytes = File.ReadAllBytes(file);
                if (!LooksLikePem(bytes))
                {
                    all.Add((file, bytes));
                    continue;
                }
                var text = Encoding.ASCII.GetString(bytes).AsSpan();
                while (PemEncoding.TryFind(text, out var fields))
                {
                    if (text[fields.Label].SequenceEqual("X509 CRL"))
                    {
                        all.Add((file, Convert.FromBase64String(text[fields.Base64Data].ToString())));
                    }
                    text = text[fields.Location.End..];
                }
            }
        }
        return all;
    }

    private static bool LooksLikePem(byte[] bytes) => bytes.AsSpan().IndexOf("-----BEGIN "u8) >= 0;
}
