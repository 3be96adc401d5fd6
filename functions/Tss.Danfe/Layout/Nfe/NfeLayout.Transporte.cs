using Tss.Danfe.Formatting;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Transportador / volumes transportados.</summary>
internal sealed partial class NfeLayout
{
    private const double TransportHeight = TitleHeight + (3 * RowHeight);

    private double TransportBlock(Canvas c, double y)
    {
        var t = d.Transport;
        var volumes = t.Volumes;
        y = Title(c, y, "TRANSPORTADOR / VOLUMES TRANSPORTADOS");
        y = Row(c, y, F(0.29, "NOME / RAZÃO SOCIAL", t.Name), F(0.17, "FRETE POR CONTA", Freight(t.modFrete)), F(0.11, "CÓDIGO ANTT", t.RNTC),
            F(0.11, "PLACA DO VEÍCULO", t.Placa), F(0.05, "UF", t.PlacaUF, Align.Center), F(0.27, "CNPJ / CPF", Br.Document(t.Document), Align.Center));
        y = Row(c, y, F(0.44, "ENDEREÇO", t.xEnder), F(0.29, "MUNICÍPIO", t.xMun), F(0.05, "UF", t.UF, Align.Center),
            F(0.22, "INSCRIÇÃO ESTADUAL", t.IE, Align.Center));
        decimal? Sum(Func<Model.Volume, decimal?> pick) => volumes.Any(v => pick(v) is not null) ? volumes.Sum(v => pick(v) ?? 0) : null;
        string? Join(Func<Model.Volume, string?> pick) =>
            string.Join(" / ", volumes.Select(pick).Where(s => !string.IsNullOrEmpty(s)).Distinct()) is { Length: > 0 } s ? s : null;
        var qVol = Sum(v => v.qVol);
        var pesoB = Sum(v => v.pesoB);
        var pesoL = Sum(v => v.pesoL);
        return Row(c, y, F(0.12, "QUANTIDADE", qVol is { } q ? Br.Quantity(q).Replace(",00", string.Empty, StringComparison.Ordinal) : null, Align.Right),
            F(0.17, "ESPÉCIE", Join(v => v.esp)), F(0.17, "MARCA", Join(v => v.marca)), F(0.16, "NUMERAÇÃO", Join(v => v.nVol)),
            F(0.19, "PESO BRUTO", pesoB is { } b ? Br.Weight(b) : null, Align.Right), F(0.19, "PESO LÍQUIDO", pesoL is { } l ? Br.Weight(l) : null, Align.Right));
    }

    private static string Freight(int modFrete) => modFrete switch
    {
        0 => "0 - REMETENTE (CIF)",
        1 => "1 - DESTINATÁRIO (FOB)",
        2 => "2 - TERCEIROS",
        3 => "3 - PRÓPRIO REMETENTE",
        4 => "4 - PRÓPRIO DESTINATÁRIO",
        9 => "9 - SEM TRANSPORTE",
        _ => modFrete.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
