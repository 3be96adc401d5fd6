using System.Globalization;
using Tss.Protocol.Messages;

namespace Tss.Mde.Protocol;

/// <summary>distDFeInt 1.01 builders: distNSU (sync), consNSU and consChNFe (on-demand).</summary>
public static class DistDFeRequests
{
    /// <summary>Largest NSU (15 digits).</summary>
    public const long MaxNsu = 999_999_999_999_999;

    public static string DistNsu(int tpAmb, int cUFAutor, string cnpj, long ultNsu) =>
        Build(tpAmb, cUFAutor, cnpj, $"<distNSU><ultNSU>{Nsu(ultNsu)}</ultNSU></distNSU>");

    public static string ConsNsu(int tpAmb, int cUFAutor, string cnpj, long nsu) =>
        Build(tpAmb, cUFAutor, cnpj, $"<consNSU><NSU>{Nsu(nsu)}</NSU></consNSU>");

    public static string ConsChNFe(int tpAmb, int cUFAutor, string cnpj, string chNFe) =>
        Build(tpAmb, cUFAutor, cnpj, $"<consChNFe><chNFe>{chNFe}</chNFe></consChNFe>");

    /// <summary>15 digits, zero-padded.</summary>
    public static string Nsu(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxNsu);
        return value.ToString("D15", CultureInfo.InvariantCulture);
    }

    private static string Build(int tpAmb, int cUFAutor, string cnpj, string query) => string.Create(CultureInfo.InvariantCulture,
        $"<distDFeInt xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.01\"><tpAmb>{tpAmb}</tpAmb><cUFAutor>{cUFAutor}</cUFAutor><CNPJ>{cnpj}</CNPJ>{query}</distDFeInt>");
}
