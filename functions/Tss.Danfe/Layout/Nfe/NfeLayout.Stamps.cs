using PdfSharp.Drawing;
using Tss.Danfe.Formatting;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>What marks a page: homologação (no fiscal value), cancellation, contingency emission.</summary>
internal sealed partial class NfeLayout
{
    private static readonly XBrush Watermark = new XSolidBrush(XColor.FromArgb(70, 128, 128, 128));
    private static readonly XBrush CancelInk = new XSolidBrush(XColor.FromArgb(110, 200, 0, 0));

    // The stamps sit over the product table of each page (set when the table is drawn).
    private double stampCenterY;

    private void Stamps(Canvas c)
    {
        if (d.Ide.tpAmb == 2)
        {
            Diagonal(c, "SEM VALOR FISCAL", "NF-E EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO", Watermark, options.Cancelled ? -14 : 0);
        }

        if (options.Cancelled)
        {
            Diagonal(c, "NF-e CANCELADA", options.CancellationProtocol is { } p ? "PROTOCOLO DE CANCELAMENTO " + p : null, CancelInk, d.Ide.tpAmb == 2 ? 14 : 0);
        }
    }

    private void Diagonal(Canvas c, string text, string? subtitle, XBrush brush, double shiftMm)
    {
        var gfx = c.Graphics;
        var state = gfx.Save();
        var center = new XPoint((x0 + (w / 2)) * Canvas.Pt, (stampCenterY + shiftMm) * Canvas.Pt);
        gfx.RotateAtTransform(landscape ? -20 : -35, center);
        var size = gfx.MeasureString(text, Styles.Stamp);
        gfx.DrawString(text, Styles.Stamp, brush, center.X - (size.Width / 2), center.Y - (size.Height / 2), XStringFormats.TopLeft);
        if (subtitle is not null)
        {
            var sub = gfx.MeasureString(subtitle, Styles.StampSmall);
            gfx.DrawString(subtitle, Styles.StampSmall, brush, center.X - (sub.Width / 2), center.Y + (size.Height / 2), XStringFormats.TopLeft);
        }

        gfx.Restore(state);
    }

    private void ContingencyNotice(Canvas c, double x, double y, double width)
    {
        var notice = d.Ide.tpEmis switch
        {
            4 => "DANFE IMPRESSO EM CONTINGÊNCIA - EPEC REGULARMENTE RECEBIDA PELA RECEITA FEDERAL DO BRASIL",
            2 or 5 => "DANFE EM CONTINGÊNCIA, IMPRESSO EM DECORRÊNCIA DE PROBLEMAS TÉCNICOS",
            _ => $"NF-e EMITIDA EM CONTINGÊNCIA ({ContingencyMode(d.Ide.tpEmis)})",
        };
        var lines = c.Lines(notice, Styles.TextBold, width - 4);
        var top = y + 1.5 + c.Paragraph(x + 2, y + 1.5, width - 4, lines, Styles.TextBold, Align.Center);
        if (d.Ide.dhCont is { } since)
        {
            c.Text(x + 2, top + 0.5, width - 4, "Entrada em contingência: " + Br.DateTime(since), Styles.Text, Align.Center);
        }
    }

    private static string ContingencyMode(int tpEmis) => tpEmis switch
    {
        2 => "FS-IA",
        3 => "SCAN",
        4 => "EPEC",
        5 => "FS-DA",
        6 => "SVC-AN",
        7 => "SVC-RS",
        9 => "OFF-LINE NFC-e",
        _ => "tpEmis " + tpEmis.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
