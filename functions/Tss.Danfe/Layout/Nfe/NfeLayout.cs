using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tss.Danfe.Formatting;
using Tss.Danfe.Model;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>
/// DANFE of an NF-e (model 55) after the MOC's Anexo II: A4 portrait (tpImp 1) or landscape (tpImp 2). Page 1 carries every
/// block; the product list flows onto continuation pages that repeat the emitente header ("FOLHA N/M").
/// </summary>
internal sealed partial class NfeLayout
{
    private const double Margin = 5;
    private const double TitleHeight = 3.4;
    private const double RowHeight = 7;
    private const double CanhotoHeight = 17;

    private readonly NfeData d;
    private readonly DanfeRenderOptions options;
    private readonly bool landscape;
    private readonly double pageW;
    private readonly double pageH;
    private readonly double x0;
    private readonly double w;

    private NfeLayout(NfeData data, DanfeRenderOptions options)
    {
        d = data;
        this.options = options;
        landscape = data.Ide.tpImp == 2;
        (pageW, pageH) = landscape ? (297.0, 210.0) : (210.0, 297.0);
        // Landscape: the canhoto is a strip on the left edge, read bottom to top.
        x0 = landscape ? Margin + CanhotoHeight + 3 : Margin;
        w = pageW - Margin - x0;
    }

    private double Bottom => pageH - Margin;

    public static void Render(NfeData data, DanfeRenderOptions options, PdfDocument document) =>
        new NfeLayout(data, options).Render(document);

    private void Render(PdfDocument document)
    {
        var first = NewPage(document);
        using var firstGfx = XGraphics.FromPdfPage(first);
        var canvas = new Canvas(firstGfx);
        var rows = MeasureRows(canvas);
        var firstTop = FirstPageTableTop(canvas);
        var pages = Paginate(rows, Bottom - AdditionalHeight() - firstTop - TableHeaderHeight, Bottom - ContinuationTableTop - TableHeaderHeight);

        DrawFirstPage(canvas, pages.Count, firstTop, pages[0]);
        for (var n = 1; n < pages.Count; n++)
        {
            using var gfx = XGraphics.FromPdfPage(NewPage(document));
            var c = new Canvas(gfx);
            var y = Header(c, Margin, n + 1, pages.Count);
            Products(c, y, Bottom, pages[n]);
            Stamps(c);
        }
    }

    private PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(pageW);
        page.Height = XUnit.FromMillimeter(pageH);
        return page;
    }

    private double FirstPageTableTop(Canvas c) =>
        Margin + (landscape ? 0 : CanhotoHeight + 4) + HeaderHeight + RecipientHeight + InvoiceHeight(c) + TaxHeight + TransportHeight;

    private double ContinuationTableTop => Margin + HeaderHeight;

    private void DrawFirstPage(Canvas c, int pages, double tableTop, IReadOnlyList<ItemRow> rows)
    {
        var y = Margin;
        if (landscape)
        {
            CanhotoRotated(c);
        }
        else
        {
            Canhoto(c, x0, y, w);
            y += CanhotoHeight + 4;
        }

        y = Header(c, y, 1, pages);
        y = Recipient(c, y);
        y = Invoice(c, y);
        y = Taxes(c, y);
        y = TransportBlock(c, y);
        System.Diagnostics.Debug.Assert(Math.Abs(y - tableTop) < 0.01, "The measured and drawn first page differ.");
        var tableBottom = Bottom - AdditionalHeight();
        Products(c, y, tableBottom, rows);
        Additional(c, tableBottom);
        Stamps(c);
    }

    /// <summary>A section title strip ("DESTINATÁRIO / REMETENTE").</summary>
    private double Title(Canvas c, double y, string text)
    {
        c.Text(x0, y + 0.6, w, text, Styles.Title);
        return y + TitleHeight;
    }

    /// <summary>One row of boxed fields whose widths are fractions of the content width.</summary>
    private double Row(Canvas c, double y, params (double Share, string Label, string? Value, Align Align)[] fields)
    {
        var x = x0;
        foreach (var (share, label, value, align) in fields)
        {
            var fieldW = share * w;
            c.Field(x, y, fieldW, RowHeight, label, value, align);
            x += fieldW;
        }

        return y + RowHeight;
    }

    private static (double, string, string?, Align) F(double share, string label, string? value, Align align = Align.Left) => (share, label, value, align);

    private static (double, string, string?, Align) Money(double share, string label, decimal value) =>
        (share, label, Br.Money(value), Align.Right);
}
