using Tss.Danfe.Formatting;
using Tss.Danfe.Model;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Destinatário / remetente and fatura / duplicatas.</summary>
internal sealed partial class NfeLayout
{
    private const double RecipientHeight = TitleHeight + (3 * RowHeight);
    private const double DuplicataHeight = 8;

    private double Recipient(Canvas c, double y)
    {
        var p = d.Destinatario ?? new Party(string.Empty, null, null, null, null, null, Address.Empty, null);
        var a = p.Address;
        var exit = d.Ide.dhSaiEnt;
        y = Title(c, y, "DESTINATÁRIO / REMETENTE");
        y = Row(c, y, F(0.59, "NOME / RAZÃO SOCIAL", p.Name), F(0.22, "CNPJ / CPF", Br.Document(p.Document), Align.Center),
            F(0.19, "DATA DA EMISSÃO", Br.Date(d.Ide.dhEmi), Align.Center));
        y = Row(c, y, F(0.46, "ENDEREÇO", a.Street), F(0.20, "BAIRRO / DISTRITO", a.xBairro), F(0.15, "CEP", Br.Cep(a.CEP), Align.Center),
            F(0.19, "DATA DA SAÍDA / ENTRADA", exit is { } e ? Br.Date(e) : null, Align.Center));
        return Row(c, y, F(0.36, "MUNICÍPIO", a.xMun), F(0.05, "UF", a.UF, Align.Center), F(0.20, "FONE / FAX", Br.Phone(a.fone), Align.Center),
            F(0.20, "INSCRIÇÃO ESTADUAL", p.IE, Align.Center), F(0.19, "HORA DA SAÍDA / ENTRADA", exit is { } t ? Br.Time(t) : null, Align.Center));
    }

    private int DuplicatasPerRow => landscape ? 9 : 7;

    private double InvoiceHeight(Canvas c)
    {
        _ = c;
        if (d.Invoice is not { } invoice)
        {
            return 0;
        }

        var rows = invoice.Duplicatas.Count == 0 ? 1 : (invoice.Duplicatas.Count + DuplicatasPerRow - 1) / DuplicatasPerRow;
        return TitleHeight + (rows * DuplicataHeight);
    }

    private double Invoice(Canvas c, double y)
    {
        if (d.Invoice is not { } invoice)
        {
            return y;
        }

        y = Title(c, y, "FATURA / DUPLICATAS");
        if (invoice.Duplicatas.Count == 0)
        {
            var text = $"FATURA {invoice.nFat}   VALOR ORIGINAL R$ {Br.Money(invoice.vOrig ?? 0)}   DESCONTO R$ {Br.Money(invoice.vDesc ?? 0)}"
                + $"   VALOR LÍQUIDO R$ {Br.Money(invoice.vLiq ?? 0)}";
            c.Box(x0, y, w, DuplicataHeight);
            c.Text(x0 + 1, y + 2.6, w - 2, text, Styles.Text);
            return y + DuplicataHeight;
        }

        var perRow = DuplicatasPerRow;
        var cellW = w / perRow;
        for (var i = 0; i < invoice.Duplicatas.Count; i++)
        {
            var dup = invoice.Duplicatas[i];
            var x = x0 + (i % perRow * cellW);
            var top = y + (i / perRow * DuplicataHeight);
            c.Box(x, top, cellW, DuplicataHeight);
            Pair(c, x, top + 0.5, cellW, "Núm.", dup.nDup ?? string.Empty);
            Pair(c, x, top + 2.9, cellW, "Venc.", dup.dVenc is { } v ? Br.Date(v) : string.Empty);
            Pair(c, x, top + 5.3, cellW, "Valor", "R$ " + Br.Money(dup.vDup));
        }

        return y + ((invoice.Duplicatas.Count + perRow - 1) / perRow * DuplicataHeight);
    }

    private static void Pair(Canvas c, double x, double y, double width, string label, string value)
    {
        c.Text(x + 0.8, y, 9, label, Styles.Small);
        c.Text(x + 8, y, width - 8.8, value, Styles.Small, Align.Right);
    }
}
