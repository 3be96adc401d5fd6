using System.Globalization;
using System.Security;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Mde.Protocol;

/// <summary>
/// Unsigned manifestação do destinatário events (leiauteConfRecebto 1.00), registered at the Ambiente Nacional
/// (cOrgao 91): sign "infEvento", then wrap with <see cref="NfeRequests.EnvEvento"/>.
/// </summary>
public static class ManifestacaoRequests
{
    public const string Confirmacao = "210200";
    public const string Ciencia = "210210";
    public const string Desconhecimento = "210220";
    public const string OperacaoNaoRealizada = "210240";

    /// <summary>cOrgao of the Ambiente Nacional.</summary>
    public const int AmbienteNacional = 91;

    /// <summary>descEvento per tpEvento, as the schema enumerates them.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Confirmacao] = "Confirmacao da Operacao",
        [Ciencia] = "Ciencia da Operacao",
        [Desconhecimento] = "Desconhecimento da Operacao",
        [OperacaoNaoRealizada] = "Operacao nao Realizada",
    };

    /// <summary>Builds the evento.</summary>
    /// <param name="xJust">Required (15–255 characters) for 210240; not allowed otherwise.</param>
    /// <exception cref="MdeException">Unknown tpEvento, malformed key or justification.</exception>
    public static string Evento(int tpAmb, string cnpj, string chNFe, DateTimeOffset dhEvento, string tpEvento, string? xJust, int nSeqEvento = 1)
    {
        if (tpEvento is null || !Descriptions.TryGetValue(tpEvento, out var description))
        {
            throw new MdeException(MdeErrorCodes.InvalidTpEvento, "tpEvento deve ser 210200, 210210, 210220 ou 210240.");
        }
        var justification = "";
        if (tpEvento == OperacaoNaoRealizada)
        {
            var text = xJust?.Trim() ?? "";
            if (text.Length is < 15 or > 255 || text.Any(char.IsControl))
            {
                throw new MdeException(MdeErrorCodes.InvalidXJust, "xJust é obrigatória para 210240: de 15 a 255 caracteres, sem quebras de linha.");
            }
            justification = $"<xJust>{SecurityElement.Escape(text)}</xJust>";
        }
        else if (!string.IsNullOrEmpty(xJust))
        {
            throw new MdeException(MdeErrorCodes.InvalidXJust, "xJust só é aceita no evento 210240 (operação não realizada).");
        }
        if (!AccessKey.TryParse(chNFe, out _, out _))
        {
            throw new MdeException(MdeErrorCodes.InvalidChNFe, "chNFe inválida (44 dígitos com dígito verificador correto).");
        }
        var when = dhEvento.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"<evento xmlns=\"{NfeNamespaces.Nfe}\" versao=\"1.00\"><infEvento Id=\"{NfeRequests.EventId(tpEvento, chNFe, nSeqEvento)}\">"
            + $"<cOrgao>{AmbienteNacional}</cOrgao><tpAmb>{tpAmb}</tpAmb><CNPJ>{cnpj}</CNPJ><chNFe>{chNFe}</chNFe><dhEvento>{when}</dhEvento>"
            + $"<tpEvento>{tpEvento}</tpEvento><nSeqEvento>{nSeqEvento}</nSeqEvento><verEvento>1.00</verEvento>"
            + $"<detEvento versao=\"1.00\"><descEvento>{description}</descEvento>{justification}</detEvento></infEvento></evento>");
    }
}
