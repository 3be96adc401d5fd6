using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace Tss.Danfe.Fonts;

/// <summary>
/// Text widths from per-character advances measured once per process (PDFsharp does not kern), so wrapping and fitting
/// cost a table look-up per character instead of a MeasureString call per candidate line.
/// </summary>
internal static class TextWidths
{
    private const double Reference = 100;
    private static readonly ConcurrentDictionary<(bool Bold, char C), double> Advances = new();
    private static readonly Lock Gate = new();
    private static XGraphics? measure;
    private static XFont? regular;
    private static XFont? bold;

    /// <summary>Width of <paramref name="text"/> in points at the font's size.</summary>
    public static double Points(string text, XFont font)
    {
        var total = 0.0;
        var isBold = font.Bold;
        foreach (var c in text)
        {
            total += Advances.TryGetValue((isBold, c), out var advance) ? advance : Measure(isBold, c);
        }

        return total * font.Size / Reference;
    }

    private static double Measure(bool isBold, char c)
    {
        lock (Gate)
        {
            DanfeFonts.EnsureInstalled();
            measure ??= XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            regular ??= DanfeFonts.Regular(Reference);
            bold ??= DanfeFonts.Bold(Reference);
            var advance = measure.MeasureString(c.ToString(), isBold ? bold : regular).Width;
            Advances[(isBold, c)] = advance;
            return advance;
        }
    }
}
