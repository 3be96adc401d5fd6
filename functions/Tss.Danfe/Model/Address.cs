namespace Tss.Danfe.Model;

/// <summary>enderEmit / enderDest / transporta address as printed.</summary>
internal sealed record Address(string? xLgr, string? nro, string? xCpl, string? xBairro, string? xMun, string? UF, string? CEP, string? fone)
{
    public static Address Empty { get; } = new(null, null, null, null, null, null, null, null);

    /// <summary>Street, number and complement on one line.</summary>
    public string Street => string.Join(", ", new[] { xLgr, nro, xCpl }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
