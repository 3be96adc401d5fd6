using System.Globalization;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Protocol.AccessKeys;

/// <summary>
/// Checks an NF-e's infNFe@Id against its own fields (cUF, dhEmi, emit CNPJ/CPF, mod, serie, nNF, tpEmis, cNF, cDV),
/// as SEFAZ does before authorizing.
/// </summary>
public static class NfeKeyConsistency
{
    /// <summary>Id lacks the "NFe" literal.</summary>
    public const int IdWithoutPrefix = 227;
    /// <summary>Check digit of the composed key is wrong (for an NF-e being authorized; queries use 236).</summary>
    public const int InvalidCheckDigit = 253;
    /// <summary>Id differs from the concatenation of the fields it is made of.</summary>
    public const int IdDiffersFromFields = 502;
    /// <summary>The document does not have the shape the check needs (schema failure).</summary>
    public const int SchemaFailure = 215;

    private const string IdDiffersText = "Rejeição: Chave de Acesso do campo Id difere da concatenação dos campos correspondentes";

    /// <summary>Returns no issues when the key is consistent; otherwise the first issues found, each with its cStat.</summary>
    public static IReadOnlyList<KeyIssue> Check(XmlElement nfe)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var infNFe = InfNFe(nfe);
        if (infNFe is null)
        {
            return [new KeyIssue(SchemaFailure, "Rejeição: Falha no schema XML (infNFe not found)")];
        }

        var id = infNFe.GetAttribute("Id");
        if (!id.StartsWith("NFe", StringComparison.Ordinal))
        {
            return [new KeyIssue(IdWithoutPrefix, "Rejeição: Erro na Chave de Acesso - Campo Id - falta a literal NFe")];
        }

        var key = id[3..];
        if (key.Length != AccessKey.Length)
        {
            return [new KeyIssue(IdDiffersFromFields, $"{IdDiffersText} (Id key has {key.Length} characters)")];
        }

        var issues = new List<KeyIssue>();
        var fields = ReadFields(infNFe, issues);
        if (fields is null)
        {
            return issues;
        }

        // Field by field, so the message names what to fix.
        Compare(issues, key, 0, 2, fields.cUF, "cUF");
        Compare(issues, key, 2, 4, fields.AAMM, "AAMM (dhEmi)");
        Compare(issues, key, 6, 14, fields.Document, "CNPJ/CPF (emit)");
        Compare(issues, key, 20, 2, fields.mod, "mod");
        Compare(issues, key, 22, 3, fields.serie, "serie");
        Compare(issues, key, 25, 9, fields.nNF, "nNF");
        Compare(issues, key, 34, 1, fields.tpEmis, "tpEmis");
        Compare(issues, key, 35, 8, fields.cNF, "cNF");
        Compare(issues, key, 43, 1, fields.cDV, "cDV");

        var composed = fields.First43;
        var composedDv = composed.Length == 43 && IsKeyText(composed) ? AccessKey.ComputeCheckDigit(composed) : -1;
        if (composedDv >= 0 && fields.cDV != composedDv.ToString(CultureInfo.InvariantCulture))
        {
            issues.Add(new KeyIssue(InvalidCheckDigit,
                $"Rejeição: Digito Verificador da chave de acesso composta inválida (cDV {fields.cDV}, computed {composedDv})"));
        }
        else if (IsKeyText(key) && key[^1] - '0' != AccessKey.ComputeCheckDigit(key.AsSpan(0, 43)))
        {
            issues.Add(new KeyIssue(InvalidCheckDigit, "Rejeição: Digito Verificador da chave de acesso composta inválida (Id)"));
        }

        return issues;
    }

    /// <summary>Reads the access key from infNFe@Id ("NFe" + 44 characters), or null.</summary>
    public static string? ReadKey(XmlElement nfe)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var id = InfNFe(nfe)?.GetAttribute("Id");
        return id is { Length: 3 + AccessKey.Length } && id.StartsWith("NFe", StringComparison.Ordinal) ? id[3..] : null;
    }

    private static XmlElement? InfNFe(XmlElement nfe) =>
        nfe.LocalName == "infNFe" ? nfe : nfe["infNFe", NfeNamespaces.Nfe];

    private static KeyFields? ReadFields(XmlElement infNFe, List<KeyIssue> issues)
    {
        var ide = infNFe["ide", NfeNamespaces.Nfe];
        var emit = infNFe["emit", NfeNamespaces.Nfe];
        string? Text(XmlElement? parent, string name) => parent?[name, NfeNamespaces.Nfe]?.InnerText.Trim();

        var dhEmi = Text(ide, "dhEmi");
        var document = Text(emit, "CNPJ") ?? (Text(emit, "CPF") is { } cpf ? cpf.PadLeft(14, '0') : null);
        var values = new (string Name, string? Value, int Width)[]
        {
            ("cUF", Text(ide, "cUF"), 2),
            ("dhEmi", dhEmi is { Length: >= 7 } ? string.Concat(dhEmi.AsSpan(2, 2), dhEmi.AsSpan(5, 2)) : null, 4),
            ("emit/CNPJ|CPF", document, 14),
            ("mod", Text(ide, "mod"), 2),
            ("serie", Text(ide, "serie"), 3),
            ("nNF", Text(ide, "nNF"), 9),
            ("tpEmis", Text(ide, "tpEmis"), 1),
            ("cNF", Text(ide, "cNF"), 8),
            ("cDV", Text(ide, "cDV"), 1),
        };

        foreach (var (name, value, _) in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                issues.Add(new KeyIssue(IdDiffersFromFields, $"{IdDiffersText} ({name} missing)"));
            }
        }

        if (issues.Count > 0)
        {
            return null;
        }

        // Numeric fields are zero-padded to their key width (serie "1" is "001" in the key).
        string Pad((string Name, string? Value, int Width) f) =>
            f.Value!.Length < f.Width && f.Value.All(char.IsAsciiDigit) ? f.Value.PadLeft(f.Width, '0') : f.Value;
        var p = values.Select(Pad).ToArray();
        return new KeyFields(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    }

    private static void Compare(List<KeyIssue> issues, string key, int start, int length, string field, string name)
    {
        if (!key.AsSpan(start, length).SequenceEqual(field))
        {
            issues.Add(new KeyIssue(IdDiffersFromFields, $"{IdDiffersText} ({name}: key has {key.Substring(start, length)}, document has {field})"));
        }
    }

    private static bool IsKeyText(ReadOnlySpan<char> text) => text.IndexOfAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0;

    private sealed record KeyFields(string cUF, string AAMM, string Document, string mod, string serie, string nNF, string tpEmis, string cNF, string cDV)
    {
        public string First43 => cUF + AAMM + Document + mod + serie + nNF + tpEmis + cNF;
    }
}
