using System.Globalization;
using Tss.Protocol.Messages.Internal;

namespace Tss.Protocol.Messages;

public static partial class NfeRequests
{
    /// <summary>The inutilização Id: "ID" + cUF (2) + ano (2) + CNPJ (14) + mod (2) + serie (3) + nNFIni (9) + nNFFin (9).</summary>
    public static string InutilizacaoId(int cUF, int ano, string cnpj, int mod, int serie, int nNFIni, int nNFFin) =>
        string.Create(CultureInfo.InvariantCulture, $"ID{cUF:00}{ano:00}{cnpj}{mod:00}{serie:000}{nNFIni:000000000}{nNFFin:000000000}");

    /// <summary>
    /// An unsigned inutNFe 4.00 (sign "infInut"): voids the numbers nNFIni–nNFFin of a series that were never used.
    /// </summary>
    /// <param name="ano">The two-digit year of the request (e.g. 26 for 2026).</param>
    /// <param name="cnpj">The emitter's CNPJ, 14 digits.</param>
    /// <param name="xJust">Justification, 15–255 characters.</param>
    /// <exception cref="MessageInputException">An argument cannot become a valid request.</exception>
    public static string InutNFe(int tpAmb, int cUF, int ano, string cnpj, int mod, int serie, int nNFIni, int nNFFin, string xJust)
    {
        InputFields.TpAmb(tpAmb);
        InputFields.Orgao(cUF, allowNational: false, nameof(cUF));
        InputFields.Range(ano, 0, 99, ProtocolErrorCodes.Message.Ano, nameof(ano));
        var emitter = InputFields.CnpjDigits(cnpj, ProtocolErrorCodes.Message.Author, nameof(cnpj));
        if (mod is not (55 or 65))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.Mod, $"mod must be 55 or 65; got {mod}.", nameof(mod));
        }
        InputFields.Range(serie, 0, 999, ProtocolErrorCodes.Message.Serie, nameof(serie));
        InputFields.Range(nNFIni, 1, 999_999_999, ProtocolErrorCodes.Message.NumberRange, nameof(nNFIni));
        InputFields.Range(nNFFin, nNFIni, 999_999_999, ProtocolErrorCodes.Message.NumberRange, nameof(nNFFin));
        var justification = InputFields.Text(xJust, 15, 255, ProtocolErrorCodes.Message.XJust, nameof(xJust));
        return string.Create(CultureInfo.InvariantCulture,
            $"<inutNFe xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{Version}\"><infInut Id=\"{InutilizacaoId(cUF, ano, emitter, mod, serie, nNFIni, nNFFin)}\">"
            + $"<tpAmb>{tpAmb}</tpAmb><xServ>INUTILIZAR</xServ><cUF>{cUF}</cUF><ano>{ano:00}</ano><CNPJ>{emitter}</CNPJ>"
            + $"<mod>{mod}</mod><serie>{serie}</serie><nNFIni>{nNFIni}</nNFIni><nNFFin>{nNFFin}</nNFFin><xJust>{justification}</xJust>"
            + $"</infInut></inutNFe>");
    }
}
