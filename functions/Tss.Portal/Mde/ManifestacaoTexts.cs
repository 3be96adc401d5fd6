using Tss.Mde;
using Tss.Mde.Manifestacao;
using Tss.Mde.Protocol;

namespace Tss.Portal.Mde;

/// <summary>The portal's pt-BR texts for manifestação do destinatário: event names, outcomes and refusals.</summary>
public static class ManifestacaoTexts
{
    /// <summary>The four events in the order the inbox offers them, with their names as the portal shows them.</summary>
    public static IReadOnlyList<(string tpEvento, string Label)> Events { get; } =
    [
        (ManifestacaoRequests.Ciencia, "Ciência da operação"),
        (ManifestacaoRequests.Confirmacao, "Confirmação da operação"),
        (ManifestacaoRequests.Desconhecimento, "Desconhecimento da operação"),
        (ManifestacaoRequests.OperacaoNaoRealizada, "Operação não realizada"),
    ];

    public static string Label(string tpEvento) =>
        Events.FirstOrDefault(e => e.tpEvento == tpEvento).Label ?? tpEvento;

    /// <summary>The flash after SEFAZ answered (registered, already registered, or rejected).</summary>
    public static string Outcome(ManifestacaoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var label = Label(result.tpEvento);
        var protocol = result.nProt is { Length: > 0 } p ? $" Protocolo {p}." : "";
        if (result.Replayed)
        {
            return $"{label} já estava registrada para esta NF-e: {result.cStat} - {result.xMotivo}.{protocol} Nada foi reenviado à SEFAZ.";
        }
        return result.Registered
            ? $"{label} registrada: {result.cStat} - {result.xMotivo}.{protocol}"
            : $"A SEFAZ rejeitou {label}: {result.cStat} - {result.xMotivo}.";
    }

    /// <summary>A refusal before or instead of SEFAZ registering the event (the REST API's mde.* problems).</summary>
    public static string Refusal(MdeException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Code switch
        {
            MdeErrorCodes.SefazUnavailable => "A SEFAZ (Ambiente Nacional) não respondeu e a manifestação não foi registrada. Tente novamente em alguns minutos.",
            MdeErrorCodes.Busy => "Outra operação desta empresa com a SEFAZ está em andamento. Aguarde alguns instantes e tente novamente.",
            MdeErrorCodes.InvalidXJust => XJustRequired,
            MdeErrorCodes.InvalidTpEvento => TpEventoInvalid,
            MdeErrorCodes.InvalidChNFe => "Chave de acesso inválida (44 dígitos com dígito verificador correto).",
            // Blocks carry the TSS 003 text with the time to try again.
            _ => e.Message,
        };
    }

    public const string XJustRequired = "Para \"Operação não realizada\" informe a justificativa: de 15 a 255 caracteres, sem quebras de linha.";

    public const string TpEventoInvalid = "Escolha uma manifestação: ciência, confirmação, desconhecimento ou operação não realizada.";
}
