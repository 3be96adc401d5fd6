using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using Tss.Protocol.Schemas.Internal;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Schemas;

/// <summary>
/// The official NF-e schema package (PL_010b), embedded at build, compiled once per root schema and cached.
/// Thread-safe; use <see cref="Shared"/>.
/// </summary>
public sealed class NfeSchemas
{
    /// <summary>At most this many errors are reported per document; the first ones are the useful ones.</summary>
    public const int MaxErrors = 50;

    // One compiled set per root schema file. A compiled XmlSchemaSet is only read while validating
    // (ProcessSchemaLocation/ProcessInlineSchema are off), so one instance serves all threads.
    private readonly ConcurrentDictionary<string, Lazy<XmlSchemaSet>> _sets = new(StringComparer.Ordinal);

    /// <summary>The process-wide instance.</summary>
    public static NfeSchemas Shared { get; } = new();

    /// <summary>Schema package name, e.g. "PL_010b_V1.30".</summary>
    public static string PackageName => "PL_010b_V1.30";

    /// <summary>Names of every schema file embedded from the package.</summary>
    public static IReadOnlyList<string> Files { get; } = [.. EmbeddedSchemaResolver.AllFiles().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Validates a document, choosing the schema from its root element (NFe, enviNFe, nfeProc, envEvento by tpEvento,
    /// procEventoNFe, consReciNFe, consStatServ, consSitNFe, inutNFe, procInutNFe, ConsCad, distDFeInt and their ret*).
    /// Returns an error naming the root when no schema applies.
    /// </summary>
    public SchemaValidationResult Validate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        RootInfo root;
        try
        {
            root = ReadRoot(xml);
        }
        catch (XmlException ex)
        {
            return new SchemaValidationResult("", [new SchemaError("", ex.LineNumber, ex.LinePosition, $"Not well-formed XML: {ex.Message}")]);
        }

        if (root.Namespace != Messages.NfeNamespaces.Nfe)
        {
            return new SchemaValidationResult("", [new SchemaError(root.Name, root.Line, root.Position,
                $"Root element '{root.Name}' is not in the NF-e namespace ('{root.Namespace}').")]);
        }

        var schemaFile = SchemaRouting.For(root.Name, root.TpEvento);
        if (schemaFile is null)
        {
            return new SchemaValidationResult("", [new SchemaError(root.Name, root.Line, root.Position,
                $"No schema of {PackageName} applies to root element '{root.Name}'.")]);
        }

        return Validate(xml, schemaFile);
    }

    /// <summary>Validates against a named schema file of the package (e.g. "enviNFe_v4.00.xsd").</summary>
    public SchemaValidationResult Validate(string xml, string schemaFile)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var set = SchemaSet(schemaFile);
        var errors = new List<SchemaError>();
        var elements = new Stack<string>();
        var settings = SafeXml.ReaderSettings(Math.Max(xml.Length, 1));
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = set;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;

        XmlReader? reader = null;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (errors.Count >= MaxErrors)
            {
                return;
            }

            var element = reader is { NodeType: XmlNodeType.Element or XmlNodeType.EndElement } ? reader.LocalName
                : elements.TryPeek(out var current) ? current : "";
            errors.Add(new SchemaError(element, e.Exception.LineNumber, e.Exception.LinePosition,
                e.Severity == XmlSeverityType.Warning ? $"Warning: {e.Message}" : e.Message));
        };

        try
        {
            using (reader = XmlReader.Create(new StringReader(xml), settings))
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
                    {
                        elements.Push(reader.LocalName);
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        elements.TryPop(out _);
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            errors.Add(new SchemaError(elements.TryPeek(out var current) ? current : "", ex.LineNumber, ex.LinePosition,
                $"Not well-formed XML: {ex.Message}"));
        }

        return new SchemaValidationResult(schemaFile, errors);
    }

    /// <summary>
    /// Compiles ahead of time the schemas of the given files (default: NFe, enviNFe, nfeProc and the query messages),
    /// so the first request does not pay the compilation (about half a second for the NF-e schema).
    /// </summary>
    public void Warm(IEnumerable<string>? schemaFiles = null)
    {
        string[] defaults = ["nfe_v4.00.xsd", "enviNFe_v4.00.xsd", "procNFe_v4.00.xsd", "consReciNFe_v4.00.xsd",
            "consStatServ_v4.00.xsd", "consSitNFe_v4.00.xsd"];
        foreach (var file in schemaFiles ?? defaults)
        {
            SchemaSet(file);
        }
    }

    /// <summary>
    /// The compiled schema set for a schema file of the package (compiled on first use, then cached). Internal: the
    /// shared set must never be modified, and a public XmlSchemaSet could be.
    /// Throws <see cref="ArgumentException"/> for a file the package does not hold.
    /// </summary>
    internal XmlSchemaSet SchemaSet(string schemaFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(schemaFile);
        if (!EmbeddedSchemaResolver.Exists(schemaFile))
        {
            throw new ArgumentException($"Schema file '{schemaFile}' is not part of {PackageName}.", nameof(schemaFile));
        }

        return _sets.GetOrAdd(schemaFile, static file => new Lazy<XmlSchemaSet>(() => Compile(file))).Value;
    }

    /// <summary>The schema file <see cref="Validate(string)"/> would use for a root element, or null.</summary>
    public static string? SchemaFileFor(string rootElement, string? tpEvento = null) => SchemaRouting.For(rootElement, tpEvento);

    private static XmlSchemaSet Compile(string schemaFile)
    {
        var resolver = new EmbeddedSchemaResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var stream = EmbeddedSchemaResolver.Open(schemaFile))
        using (var reader = XmlReader.Create(stream, readerSettings, EmbeddedSchemaResolver.UriOf(schemaFile).AbsoluteUri))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    private static RootInfo ReadRoot(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), SafeXml.ReaderSettings(Math.Max(xml.Length, 1)));
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new XmlException("The document has no root element.");
        }

        var info = (IXmlLineInfo)reader;
        var root = new RootInfo(reader.LocalName, reader.NamespaceURI, info.LineNumber, info.LinePosition, null);
        if (!SchemaRouting.IsEventRoot(root.Name))
        {
            return root;
        }

        // The event type decides the schema; the first tpEvento in document order is the event's own.
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "tpEvento")
            {
                return root with { TpEvento = reader.ReadElementContentAsString().Trim() };
            }
        }

        return root;
    }

    private sealed record RootInfo(string Name, string Namespace, int Line, int Position, string? TpEvento);
}
