using System.Reflection;
using System.Text;
using System.Xml;

namespace Tss.Protocol.Schemas.Internal;

/// <summary>
/// Resolves xs:include / xs:import of the schema package from this assembly's embedded resources only.
/// Any other location (file system, network) is refused, so compiling a schema can never touch the outside world.
/// </summary>
internal sealed class EmbeddedSchemaResolver : XmlResolver
{
    /// <summary>Base URI every embedded schema lives under; relative schemaLocation values resolve against it.</summary>
    public static readonly Uri BaseUri = new("tss-schema://package/");

    private const string ResourcePrefix = "Tss.Protocol.Schemas.";

    private static readonly Assembly Assembly = typeof(EmbeddedSchemaResolver).Assembly;

    /// <summary>The URI of a schema file of the package.</summary>
    public static Uri UriOf(string schemaFile) => new(BaseUri, schemaFile);

    /// <summary>True when the package holds the file.</summary>
    public static bool Exists(string schemaFile) => Assembly.GetManifestResourceInfo(ResourcePrefix + schemaFile) is not null;

    /// <summary>Names of all schema files of the package.</summary>
    public static IEnumerable<string> AllFiles() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".xsd", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a schema file of the package (as UTF-8).</summary>
    public static Stream Open(string schemaFile)
    {
        using var resource = Assembly.GetManifestResourceStream(ResourcePrefix + schemaFile)
            ?? throw new XmlException($"Schema file '{schemaFile}' is not part of the embedded package.");
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return new MemoryStream(bytes, writable: false);
        }
        catch (DecoderFallbackException)
        {
            // One official file (retEnvConfRecebto_v1.00.xsd) declares UTF-8 but has Latin-1 accents in a
            // documentation text; re-encoding keeps the schema loadable without touching its meaning.
            return new MemoryStream(Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(bytes)), writable: false);
        }
    }

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        ArgumentNullException.ThrowIfNull(relativeUri);
        return new Uri(baseUri ?? BaseUri, relativeUri);
    }

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        ArgumentNullException.ThrowIfNull(absoluteUri);
        if (absoluteUri.Scheme != BaseUri.Scheme || absoluteUri.Host != BaseUri.Host)
        {
            throw new XmlException($"Schema location '{absoluteUri}' is outside the embedded package and is not loaded.");
        }

        if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream) && ofObjectToReturn != typeof(object))
        {
            throw new XmlException($"Unsupported entity type {ofObjectToReturn}.");
        }

        return Open(Path.GetFileName(absoluteUri.AbsolutePath));
    }
}
