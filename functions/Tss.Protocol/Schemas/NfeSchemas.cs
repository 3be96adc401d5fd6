namespace Tss.Protocol.Schemas;

/// <summary>
/// The official NF-e schema package (PL_010b), embedded at build, compiled once per root schema and cached.
/// Thread-safe; use <see cref="Shared"/>.
/// </summary>
public sealed class NfeSchemas
{
    /// <summary>The process-wide instance.</summary>
    public static NfeSchemas Shared { get; } = new();

    /// <summary>Schema package name, e.g. "PL_010b_V1.30".</summary>
    public static string PackageName => "PL_010b_V1.30";

    /// <summary>
    /// Validates a document, choosing the schema from its root element (NFe, enviNFe, nfeProc, envEvento by tpEvento,
    /// procEventoNFe, consReciNFe, consStatServ, consSitNFe, inutNFe, procInutNFe, ConsCad, distDFeInt and their ret*).
    /// Returns an error naming the root when no schema applies.
    /// </summary>
    public SchemaValidationResult Validate(string xml) => throw new NotImplementedException();

    /// <summary>Validates against a named schema file of the package (e.g. "enviNFe_v4.00.xsd").</summary>
    public SchemaValidationResult Validate(string xml, string schemaFile) => throw new NotImplementedException();
}
