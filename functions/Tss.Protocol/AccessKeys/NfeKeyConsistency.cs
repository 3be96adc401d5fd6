using System.Xml;

namespace Tss.Protocol.AccessKeys;

/// <summary>
/// Checks an NF-e's infNFe@Id against its own fields (cUF, dhEmi, emit CNPJ/CPF, mod, serie, nNF, tpEmis, cNF, cDV),
/// as SEFAZ does before authorizing.
/// </summary>
public static class NfeKeyConsistency
{
    /// <summary>Returns no issues when the key is consistent; otherwise the first issues found, each with its cStat.</summary>
    public static IReadOnlyList<KeyIssue> Check(XmlElement nfe) => throw new NotImplementedException();

    /// <summary>Reads the access key from infNFe@Id ("NFe" + 44 characters), or null.</summary>
    public static string? ReadKey(XmlElement nfe) => throw new NotImplementedException();
}
