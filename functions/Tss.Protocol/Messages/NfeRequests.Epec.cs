using System.Globalization;
using Tss.Protocol.Messages.Internal;
using Tss.Protocol.Reference;

namespace Tss.Protocol.Messages;

public static partial class NfeRequests
{
    /// <summary>tpEvento of the EPEC (Evento Prévio de Emissão em Contingência), registered at the Ambiente Nacional.</summary>
    public const string TpEventoEpec = "110140";

    /// <summary>
    /// An unsigned EPEC (110140) for the Ambiente Nacional (cOrgao 91): evento 1.00 whose detEvento carries the NF-e's
    /// cOrgaoAutor, tpAutor 1 (emitter), verAplic, dhEmi, tpNF, IE and the recipient with vNF/vICMS/vST
    /// (leiauteEPEC_v1.00.xsd). Sign "infEvento". nSeqEvento is 1: one EPEC per key.
    /// </summary>
    /// <param name="epec">The fields, read from the signed NF-e with <see cref="EpecData.FromNfe"/>.</param>
    /// <param name="verAplic">The application version written in detEvento (1–20 characters).</param>
    /// <exception cref="MessageInputException">A field cannot become a valid event.</exception>
    public static string Epec(EpecData epec, DateTimeOffset dhEvento, string verAplic)
    {
        ArgumentNullException.ThrowIfNull(epec);
        InputFields.TpAmb(epec.TpAmb);
        InputFields.Orgao(epec.COrgaoAutor, allowNational: false, nameof(epec.COrgaoAutor));
        var authorElement = InputFields.AuthorElement(epec.Author);
        var key = InputFields.ChNFe(epec.ChNFe).Value;
        if (key[34] != '4')
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.EpecSource, "An EPEC key has tpEmis 4 at position 35.", nameof(epec.ChNFe));
        }
        if (epec.DestDocumentElement is not ("CNPJ" or "CPF" or "idEstrangeiro"))
        {
            throw new MessageInputException(ProtocolErrorCodes.Message.EpecSource, "The recipient is identified by CNPJ, CPF or idEstrangeiro.", nameof(epec.DestDocumentElement));
        }
        var when = InputFields.DateTimeUtc(dhEvento, nameof(dhEvento));
        var application = InputFields.Text(verAplic, 1, 20, ProtocolErrorCodes.Message.EpecSource, nameof(verAplic));
        var destIe = epec.DestIE is null ? "" : $"<IE>{epec.DestIE}</IE>";
        var detEvento = string.Create(CultureInfo.InvariantCulture,
            $"<descEvento>EPEC</descEvento><cOrgaoAutor>{epec.COrgaoAutor}</cOrgaoAutor><tpAutor>1</tpAutor><verAplic>{application}</verAplic>"
            + $"<dhEmi>{Escape(epec.DhEmi)}</dhEmi><tpNF>{epec.TpNF}</tpNF><IE>{Escape(epec.IE)}</IE>"
            + $"<dest><UF>{Escape(epec.DestUf)}</UF><{epec.DestDocumentElement}>{Escape(epec.DestDocument)}</{epec.DestDocumentElement}>{destIe}"
            + $"<vNF>{Escape(epec.VNF)}</vNF><vICMS>{Escape(epec.VICMS)}</vICMS><vST>{Escape(epec.VST)}</vST></dest>");
        return string.Create(CultureInfo.InvariantCulture,
            $"<evento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"{EventVersion}\"><infEvento Id=\"{EventId(TpEventoEpec, key, 1)}\">"
            + $"<cOrgao>{UfCodes.AmbienteNacional}</cOrgao><tpAmb>{epec.TpAmb}</tpAmb>{authorElement}<chNFe>{key}</chNFe><dhEvento>{when}</dhEvento>"
            + $"<tpEvento>{TpEventoEpec}</tpEvento><nSeqEvento>1</nSeqEvento><verEvento>{EventVersion}</verEvento>"
            + $"<detEvento versao=\"{EventVersion}\">{detEvento}</detEvento></infEvento></evento>");
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
