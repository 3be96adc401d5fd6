using System.Globalization;
using System.Text;
using Tss.Protocol.AccessKeys;

namespace Tss.Protocol.Messages;

/// <summary>
/// Builders for the payloads the client sends (the content of nfeDadosMsg): unformatted, no XML declaration,
/// default namespace only (SEFAZ rejects prefixes and edit characters).
/// </summary>
public static partial class NfeRequests
{
    /// <summary>Most NF-e one enviNFe may carry (schema limit).</summary>
    public const int MaxDocumentsPerLot = 50;

    /// <summary>Largest idLote (15 digits).</summary>
    public const long MaxIdLote = 999_999_999_999_999;

    private const string Version = "4.00";

    /// <summary>enviNFe 4.00 with idLote (1–15 digits), indSinc and the already signed NFe elements (each without declaration).</summary>
    /// <remarks>
    /// Each NFe is inserted verbatim (its signature covers its bytes); only a leading XML declaration and the whitespace
    /// around the element are removed. Synchronous mode (indSinc=1) is refused for more than one document, as SEFAZ does.
    /// </remarks>
    public static string EnviNFe(long idLote, bool indSinc, IEnumerable<string> signedNfe)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(idLote);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idLote, MaxIdLote);
        ArgumentNullException.ThrowIfNull(signedNfe);

        var documents = signedNfe.Select(StripDeclaration).ToList();
        if (documents.Count == 0)
        {
            throw new ArgumentException("A lot needs at least one NF-e.", nameof(signedNfe));
        }

        if (documents.Count > MaxDocumentsPerLot)
        {
            throw new ArgumentException($"A lot holds at most {MaxDocumentsPerLot} NF-e; got {documents.Count}.", nameof(signedNfe));
        }

        if (indSinc && documents.Count > 1)
        {
            throw new ArgumentException("Synchronous authorization (indSinc=1) takes exactly one NF-e.", nameof(signedNfe));
        }

        var builder = new StringBuilder(64 + documents.Sum(d => d.Length) + 128);
        builder.Append(CultureInfo.InvariantCulture, $"<enviNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{Version}\">")
            .Append(CultureInfo.InvariantCulture, $"<idLote>{idLote}</idLote><indSinc>{(indSinc ? 1 : 0)}</indSinc>");
        foreach (var document in documents)
        {
            builder.Append(document);
        }

        return builder.Append("</enviNFe>").ToString();
    }

    /// <summary>consReciNFe 4.00.</summary>
    public static string ConsReciNFe(int tpAmb, string nRec)
    {
        RequireTpAmb(tpAmb);
        ArgumentNullException.ThrowIfNull(nRec);
        if (nRec.Length != 15 || !nRec.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("nRec must have exactly 15 digits.", nameof(nRec));
        }

        return $"<consReciNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{Version}\"><tpAmb>{tpAmb}</tpAmb><nRec>{nRec}</nRec></consReciNFe>";
    }

    /// <summary>consStatServ 4.00 (xServ=STATUS).</summary>
    public static string ConsStatServ(int tpAmb, int cUF)
    {
        RequireTpAmb(tpAmb);
        if (!Reference.UfCodes.IsUf(cUF))
        {
            throw new ArgumentOutOfRangeException(nameof(cUF), cUF, "cUF must be the IBGE code of a UF.");
        }

        return $"<consStatServ xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{Version}\"><tpAmb>{tpAmb}</tpAmb><cUF>{cUF}</cUF><xServ>STATUS</xServ></consStatServ>";
    }

    /// <summary>consSitNFe 4.00 (xServ=CONSULTAR).</summary>
    public static string ConsSitNFe(int tpAmb, string chNFe)
    {
        RequireTpAmb(tpAmb);
        if (!AccessKey.TryParse(chNFe, out var key, out var error))
        {
            throw new ArgumentException(error, nameof(chNFe));
        }

        return $"<consSitNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{Version}\"><tpAmb>{tpAmb}</tpAmb><xServ>CONSULTAR</xServ><chNFe>{key.Value}</chNFe></consSitNFe>";
    }

    private static void RequireTpAmb(int tpAmb)
    {
        if (tpAmb is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(tpAmb), tpAmb, "tpAmb must be 1 (produção) or 2 (homologação).");
        }
    }

    // Removes a BOM, an XML declaration and surrounding whitespace; the element itself stays byte-for-byte.
    private static string StripDeclaration(string nfe)
    {
        ArgumentNullException.ThrowIfNull(nfe);
        var text = nfe.AsSpan().TrimStart('\uFEFF').Trim();
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ArgumentException("An NF-e has an unterminated XML declaration.", nameof(nfe));
            }

            text = text[(end + 2)..].TrimStart();
        }

        if (!text.StartsWith("<NFe", StringComparison.Ordinal) || !text.EndsWith("</NFe>", StringComparison.Ordinal))
        {
            throw new ArgumentException("Each document must be an NFe element.", nameof(nfe));
        }

        return text.ToString();
    }
}
