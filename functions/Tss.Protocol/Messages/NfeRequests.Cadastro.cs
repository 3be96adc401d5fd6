using Tss.Protocol.Messages.Internal;
using Tss.Protocol.Reference;

namespace Tss.Protocol.Messages;

public static partial class NfeRequests
{
    /// <summary>
    /// ConsCad 2.00 (xServ=CONS-CAD): the taxpayer registry of a UF, by exactly one of CNPJ, CPF or IE.
    /// </summary>
    /// <param name="uf">The UF whose registry is consulted (its authorizer answers).</param>
    /// <exception cref="MessageInputException">No or several parties, or one that is malformed.</exception>
    public static string ConsCad(string uf, string? cnpj = null, string? cpf = null, string? ie = null)
    {
        if (uf is null || uf.Length != 2 || !UfCodes.All.Contains(uf, StringComparer.Ordinal))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.Uf, "uf must be the upper-case abbreviation of a UF.", nameof(uf));
        }
        var given = (cnpj is null ? 0 : 1) + (cpf is null ? 0 : 1) + (ie is null ? 0 : 1);
        if (given != 1)
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.CadastroParty, "Give exactly one of CNPJ, CPF or IE.", nameof(cnpj));
        }
        var party = cnpj is not null ? $"<CNPJ>{InputFields.CnpjDigits(cnpj, ProtocolErrorCodes.Message.CadastroParty, nameof(cnpj))}</CNPJ>"
            : cpf is not null ? $"<CPF>{Cpf(cpf)}</CPF>"
            : $"<IE>{Ie(ie!)}</IE>";
        return $"<ConsCad xmlns=\"{NfeNamespaces.Nfe}\" versao=\"2.00\"><infCons><xServ>CONS-CAD</xServ><UF>{uf}</UF>{party}</infCons></ConsCad>";
    }

    private static string Cpf(string cpf) =>
        cpf.Length == 11 && cpf.All(char.IsAsciiDigit)
            ? cpf
            : throw new MessageInputException(ProtocolErrorCodes.Message.CadastroParty, "cpf must have 11 digits.", nameof(cpf));

    // TIe: 2–14 digits or ISENTO; a consultation by ISENTO makes no sense.
    private static string Ie(string ie) =>
        ie.Length is >= 2 and <= 14 && ie.All(char.IsAsciiDigit)
            ? ie
            : throw new MessageInputException(ProtocolErrorCodes.Message.CadastroParty, "ie must have 2–14 digits.", nameof(ie));
}
