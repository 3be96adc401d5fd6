using Tss.Danfe.Formatting;
using Tss.Danfe.Model;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Dados dos produtos / serviços: the item table, measured first so the pages can be counted.</summary>
internal sealed partial class NfeLayout
{
    private const double TableHeaderHeight = TitleHeight + 6;
    private const double CellPad = 0.7;

    // Fixed widths (mm); the description takes what is left of the content width.
    private static readonly (string Label, double Width, Align Align)[] Fixed =
    [
        ("CÓDIGO", 16, Align.Left), ("DESCRIÇÃO DO PRODUTO / SERVIÇO", 0, Align.Left), ("NCM/SH", 12, Align.Center), ("O/CST", 7.5, Align.Center),
        ("CFOP", 7.5, Align.Center), ("UN", 7, Align.Center), ("QUANT.", 13, Align.Right), ("VALOR UNIT.", 14, Align.Right),
        ("VALOR TOTAL", 15, Align.Right), ("B.CÁLC. ICMS", 14, Align.Right), ("VALOR ICMS", 12, Align.Right), ("VALOR IPI", 11, Align.Right),
        ("ALÍQ. ICMS", 8, Align.Right), ("ALÍQ. IPI", 7, Align.Right),
    ];

    private double Width(int column) => column == 1 ? w - Fixed.Sum(f => f.Width) : Fixed[column].Width;

    private List<ItemRow> MeasureRows(Canvas c)
    {
        var lineH = Canvas.LineHeight(Styles.Item);
        var codeW = Width(0) - (2 * CellPad);
        var descW = Width(1) - (2 * CellPad);
        var rows = new List<ItemRow>(d.Items.Count);
        foreach (var item in d.Items)
        {
            var code = c.Lines(item.cProd, Styles.Item, codeW);
            var text = item.infAdProd is null ? item.xProd : item.xProd + "\n" + item.infAdProd;
            var description = c.Lines(text, Styles.Item, descW);
            rows.Add(new ItemRow(item, code, description, (Math.Max(1, Math.Max(code.Count, description.Count)) * lineH) + (2 * CellPad)));
        }

        return rows;
    }

    /// <summary>Splits the rows into pages: the first page's table room, then the continuation pages' room.</summary>
    private static List<List<ItemRow>> Paginate(List<ItemRow> rows, double firstRoom, double nextRoom)
    {
        var pages = new List<List<ItemRow>> { new() };
        var room = firstRoom;
        foreach (var row in rows)
        {
            // A row taller than a whole page (a description of thousands of characters) is cut when drawn.
            if (row.Height > room && pages[^1].Count > 0)
            {
                pages.Add([]);
                room = nextRoom;
            }

            pages[^1].Add(row);
            room -= row.Height;
        }

        return pages;
    }

    private void Products(Canvas c, double y, double bottom, IReadOnlyList<ItemRow> rows)
    {
        y = Title(c, y, "DADOS DOS PRODUTOS / SERVIÇOS");
        stampCenterY = (y + bottom) / 2;
        var xs = new double[Fixed.Length + 1];
        xs[0] = x0;
        for (var i = 0; i < Fixed.Length; i++)
        {
            xs[i + 1] = xs[i] + Width(i);
        }

        c.Box(x0, y, w, bottom - y);
        c.Line(x0, y + 6, x0 + w, y + 6);
        for (var i = 0; i < Fixed.Length; i++)
        {
            if (i > 0)
            {
                c.Line(xs[i], y, xs[i], bottom);
            }

            var header = c.Lines(Fixed[i].Label, Styles.Small, Width(i) - 1);
            var lineH = Canvas.LineHeight(Styles.Small);
            c.Paragraph(xs[i] + 0.5, y + 3 - (header.Count * lineH / 2), Width(i) - 1, header, Styles.Small, Align.Center);
        }

        var top = y + 6;
        foreach (var row in rows)
        {
            var height = Math.Min(row.Height, bottom - top);
            ItemCells(c, xs, top, row, height);
            top += height;
            if (top < bottom - 0.1)
            {
                c.Line(x0, top, x0 + w, top, Styles.Hairline);
            }
        }
    }

    private static void ItemCells(Canvas c, double[] xs, double top, ItemRow row, double height)
    {
        var i = row.Item;
        var lineH = Canvas.LineHeight(Styles.Item);
        var fit = Math.Max(1, (int)((height - (2 * CellPad)) / lineH));
        c.Paragraph(xs[0] + CellPad, top + CellPad, xs[1] - xs[0] - (2 * CellPad), row.Code.Take(fit), Styles.Item);
        c.Paragraph(xs[1] + CellPad, top + CellPad, xs[2] - xs[1] - (2 * CellPad), row.Description.Take(fit), Styles.Item);
        string?[] values =
        [
            i.NCM, i.Cst, i.CFOP, i.uCom, Br.Quantity(i.qCom), Br.Unit(i.vUnCom), Br.Money(i.vProd), Br.Money(i.vBCIcms), Br.Money(i.vICMS),
            Br.Money(i.vIPI), Br.Rate(i.pICMS), Br.Rate(i.pIPI),
        ];
        for (var k = 0; k < values.Length; k++)
        {
            var column = k + 2;
            if (values[k] is { Length: > 0 } value)
            {
                c.Fit(xs[column] + 0.4, top + CellPad, xs[column + 1] - xs[column] - 0.8, value, Styles.Item, Fixed[column].Align);
            }
        }
    }
}
