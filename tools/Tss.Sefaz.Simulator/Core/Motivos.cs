using Tss.Protocol.Reference;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>
/// xMotivo texts: the catalog's, except where the simulator must use a text the catalog may not carry (452 changed
/// meaning in NT 2025.001) or a text with parameters (204, 539). 394, 396 and 397 are missing from the catalog; their
/// texts are written from memory of the NF-e manual (MOC), not from a stored source.
/// </summary>
public static class Motivos
{
    /// <summary>The xMotivo for a cStat.</summary>
    public static string Text(int cStat) => cStat switch
    {
        100 => "Autorizado o uso da NF-e",
        103 => "Lote recebido com sucesso",
        104 => "Lote processado",
        105 => "Lote em processamento",
        106 => "Lote não localizado",
        107 => "Serviço em Operação",
        217 => "Rejeição: NF-e não consta na base de dados da SEFAZ",
        281 => "Rejeição: Certificado Transmissor Data Validade",
        394 => "Rejeição: Nota Fiscal sem a informação do QR-Code",
        396 => "Rejeição: Parâmetro do QR-Code inexistente (chAcesso)",
        397 => "Rejeição: Parâmetro do QR-Code divergente da Nota Fiscal (chAcesso)",
        452 => "Rejeição: Solicitada resposta assíncrona para Lote com somente 1 (uma) NF-e",
        598 => "Rejeição: NF-e emitida em ambiente de homologação com Razão Social do destinatário diferente de NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL",
        656 => "Rejeição: Consumo Indevido",
        704 => "Rejeição: NFC-e com Data-Hora de emissão atrasada", // also used for an off-line NFC-e past its 24 h (assumption)
        _ => CStatCatalog.Text(cStat),
    };

    /// <summary>204 with the receipt of the original authorization.</summary>
    public static string Duplicity(string nRec) => $"Rejeição: Duplicidade de NF-e [nRec:{nRec}]";

    /// <summary>539 naming the key already authorized with this numbering.</summary>
    public static string DuplicityDifferentKey(string chNFe, string nRec) =>
        $"Rejeição: Duplicidade de NF-e com diferença na Chave de Acesso [chNFe:{chNFe}][nRec:{nRec}]";
}
