using System.Globalization;

namespace Tss.Pipeline.Contingency;

/// <summary>One authorizer as the contingency policy sees it: the emitter's UF × model (55/65) × tpAmb (1/2).</summary>
public sealed record AuthorizerKey(string Uf, int Model, int tpAmb)
{
    /// <summary>"SP-55-2": the Table row key.</summary>
    public string RowKey => string.Create(CultureInfo.InvariantCulture, $"{Uf}-{Model}-{tpAmb}");

    /// <summary>Reads a row key back; null when it is not one.</summary>
    public static AuthorizerKey? Parse(string rowKey)
    {
        var parts = rowKey?.Split('-') ?? [];
        return parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var model)
            && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var tpAmb)
            ? new AuthorizerKey(parts[0], model, tpAmb)
            : null;
    }
}
