namespace Tss.Danfe.Layout.Nfce;

/// <summary>pag/detPag/tPag → the name printed on the DANFE NFC-e (MOC table of meios de pagamento).</summary>
internal static class PaymentMethods
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["01"] = "Dinheiro",
        ["02"] = "Cheque",
        ["03"] = "Cartão de Crédito",
        ["04"] = "Cartão de Débito",
        ["05"] = "Crédito Loja",
        ["10"] = "Vale Alimentação",
        ["11"] = "Vale Refeição",
        ["12"] = "Vale Presente",
        ["13"] = "Vale Combustível",
        ["15"] = "Boleto Bancário",
        ["16"] = "Depósito Bancário",
        ["17"] = "Pagamento Instantâneo (PIX)",
        ["18"] = "Transferência bancária, Carteira Digital",
        ["19"] = "Programa de fidelidade, Cashback, Crédito Virtual",
        ["20"] = "Pagamento Instantâneo (PIX) - Estático",
        ["21"] = "Crédito em Loja",
        ["22"] = "Pagamento Eletrônico não Informado",
        ["90"] = "Sem pagamento",
        ["99"] = "Outros",
    };

    public static string Name(string tPag, string? xPag) =>
        tPag == "99" && !string.IsNullOrWhiteSpace(xPag) ? xPag : Names.GetValueOrDefault(tPag, "Outros");
}
