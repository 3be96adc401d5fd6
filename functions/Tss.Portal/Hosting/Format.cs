using System.Globalization;

namespace Tss.Portal.Hosting;

/// <summary>Brazilian formats for the pages (dates in Brasília time, CNPJ with punctuation).</summary>
public static class Format
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    public static string Date(DateTimeOffset? at) => at is { } a ? a.ToOffset(Brasilia).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset at) => at.ToOffset(Brasilia).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Cnpj(string? cnpj) =>
        cnpj is { Length: 14 } c ? $"{c[..2]}.{c[2..5]}.{c[5..8]}/{c[8..12]}-{c[12..]}" : cnpj ?? "";

    /// <summary>Thousands with '.' as in Brazil (the host runs with invariant globalization).</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    public static string Environment(int tpAmb) => tpAmb == 1 ? "1 — Produção" : "2 — Homologação";

    public static string Status(string status) => status switch
    {
        "Pending" => "Aguardando lote",
        "InLot" => "Em lote",
        "Authorized" => "Autorizada",
        "Denied" => "Denegada",
        "Rejected" => "Rejeitada",
        "AwaitingCredits" => "Aguardando créditos",
        _ => status,
    };

    public static string Phase(string phase) => phase switch
    {
        "Created" => "Criado",
        "Sending" => "Enviando",
        "AwaitingReceipt" => "Aguardando recibo",
        "Reconciling" => "Conciliando",
        "Closed" => "Encerrado",
        _ => phase,
    };
}
