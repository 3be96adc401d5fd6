using PdfSharp.Drawing;
using Tss.Danfe.Fonts;
using ZXing.Common;

namespace Tss.Danfe.Layout;

/// <summary>Drawing in millimetres on one PDF page: boxes, labelled fields, single and wrapped lines, bars.</summary>
internal sealed partial class Canvas(XGraphics gfx)
{
    public const double Pt = 72 / 25.4;
    public const double LabelSize = 5.2;
    public const double ValueSize = 7.6;

    private static readonly XPen Thin = new(XColors.Black, 0.5);
    private static readonly XFont Label = DanfeFonts.Regular(LabelSize);
    private static readonly XFont Value = DanfeFonts.Regular(ValueSize);
    private static readonly XFont ValueBold = DanfeFonts.Bold(ValueSize);

    public XGraphics Graphics => gfx;

    public void Box(double x, double y, double w, double h) => gfx.DrawRectangle(Thin, x * Pt, y * Pt, w * Pt, h * Pt);

    public void Fill(double x, double y, double w, double h, XBrush brush) => gfx.DrawRectangle(brush, x * Pt, y * Pt, w * Pt, h * Pt);

    public void Line(double x1, double y1, double x2, double y2, XPen? pen = null) =>
        gfx.DrawLine(pen ?? Thin, x1 * Pt, y1 * Pt, x2 * Pt, y2 * Pt);

    /// <summary>A boxed field: small caps label at the top, the value below it (shrunk, then cut, to fit).</summary>
    public void Field(double x, double y, double w, double h, string label, string? value, Align align = Align.Left, bool bold = false)
    {
        Box(x, y, w, h);
        Text(x + 0.6, y + 0.4, w - 1.2, label, Label);
        if (!string.IsNullOrEmpty(value))
        {
            Fit(x + 0.8, y + h - 0.8 - (ValueSize / Pt), w - 1.6, value, bold ? ValueBold : Value, align);
        }
    }

    /// <summary>One line of text with its top at <paramref name="y"/>, cut with an ellipsis when wider than <paramref name="w"/>.</summary>
    public void Text(double x, double y, double w, string text, XFont font, Align align = Align.Left, XBrush? brush = null)
    {
        var line = Cut(text, font, w);
        var width = Width(line, font);
        var left = align switch
        {
            Align.Center => x + ((w - width) / 2),
            Align.Right => x + w - width,
            _ => x,
        };
        gfx.DrawString(line, font, brush ?? XBrushes.Black, left * Pt, y * Pt, XStringFormats.TopLeft);
    }

    /// <summary>One line: a smaller size when it does not fit, down to 5 pt, then cut.</summary>
    public void Fit(double x, double y, double w, string text, XFont font, Align align = Align.Left)
    {
        var original = font.Size;
        var size = original;
        while (size > 5 && Width(text, font) > w)
        {
            size -= 0.5;
            font = font.Bold ? DanfeFonts.Bold(size) : DanfeFonts.Regular(size);
        }

        Text(x, y + ((original - size) / Pt / 2), w, text, font, align);
    }

    /// <summary>Width of a text in millimetres.</summary>
    public static double Width(string text, XFont font) => TextWidths.Points(text, font) / Pt;

    /// <summary>Line height of a font in millimetres.</summary>
    public static double LineHeight(XFont font) => font.Size * 1.18 / Pt;

    /// <summary>Bars of a 1-D code: dark runs of modules as filled rectangles.</summary>
    public void Bars(bool[] modules, double x, double y, double w, double h)
    {
        var module = w / modules.Length;
        for (var i = 0; i < modules.Length;)
        {
            if (!modules[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < modules.Length && modules[i])
            {
                i++;
            }

            Fill(x + (start * module), y, (i - start) * module, h, XBrushes.Black);
        }
    }

    /// <summary>A 2-D code: each row's dark runs as filled rectangles.</summary>
    public void Matrix(BitMatrix matrix, double x, double y, double size)
    {
        var module = size / matrix.Width;
        for (var row = 0; row < matrix.Height; row++)
        {
            for (var col = 0; col < matrix.Width;)
            {
                if (!matrix[col, row])
                {
                    col++;
                    continue;
                }

                var start = col;
                while (col < matrix.Width && matrix[col, row])
                {
                    col++;
                }

                // A hair of overlap keeps viewers from drawing seams between rows.
                Fill(x + (start * module), y + (row * module), (col - start) * module, module + 0.02, XBrushes.Black);
            }
        }
    }
}
