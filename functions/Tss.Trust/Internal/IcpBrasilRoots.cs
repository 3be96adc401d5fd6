using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tss.Trust.Internal;

/// <summary>
/// The ICP-Brasil root certificates embedded from <c>Roots/</c>, each checked against its pinned SHA-256 fingerprint
/// (the same values as the table in Roots/README.md): a changed file without a changed pin fails at start.
/// </summary>
internal static class IcpBrasilRoots
{
    /// <summary>Resource name → SHA-256 of the DER certificate (lowercase hex).</summary>
    public static readonly IReadOnlyDictionary<string, string> Pinned = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ICP-Brasilv5.crt"] = "caa53fc6091c6951887c976e378f6ef89aa6377c55d97b6475422b71ed7e9b17",
        ["ICP-Brasilv10.crt"] = "6e0bff069a26994c15de2c4888cc54af84882e5495b7fbf66be9ccffec7489f6",
        ["ICP-Brasilv11.crt"] = "1406710058180fa4081aab3f246f1702429c552a11fa3143b84c88cb3ab8e5e7",
        ["ICP-Brasilv12.crt"] = "d8478e37ce19c690cf657381e68fe600e4e1a042536830f06847e03e554c4b01",
    };

    public static X509Certificate2Collection Load()
    {
        var roots = new X509Certificate2Collection();
        var assembly = typeof(IcpBrasilRoots).Assembly;
        foreach (var (name, pin) in Pinned)
        {
            using var stream = assembly.GetManifestResourceStream("Tss.Trust.Roots." + name)
                ?? throw new InvalidOperationException($"The embedded ICP-Brasil root {name} is missing from the build.");
            using var reader = new StreamReader(stream);
            var root = X509Certificate2.CreateFromPem(reader.ReadToEnd());
            var actual = Convert.ToHexStringLower(SHA256.HashData(root.RawData));
            if (actual != pin)
            {
                root.Dispose();
                throw new InvalidOperationException($"The embedded ICP-Brasil root {name} has SHA-256 {actual}, not the pinned {pin}.");
            }
            roots.Add(root);
        }
        return roots;
    }
}
