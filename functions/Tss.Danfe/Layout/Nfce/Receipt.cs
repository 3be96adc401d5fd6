using PdfSharp.Drawing;

namespace Tss.Danfe.Layout.Nfce;

/// <summary>
/// A receipt of unknown length: lines are measured and recorded top to bottom, then replayed on a page exactly as tall
/// as the content (a roll has no fixed page height).
/// </summary>
internal sealed class Receipt(Canvas measure, double x, double width)
{
    private readonly List<Action<Canvas>> ops = [];

    public double Y { get; private set; }

    public double X => x;

    public double Width => width;

    public Canvas Measure => measure;

    /// <summary>Wrapped text; every line takes the font's line height.</summary>
    public void Text(string? text, XFont font, Align align = Align.Left)
    {
        foreach (var line in measure.Lines(text, font, width))
        {
            var top = Y;
            ops.Add(c => c.Text(x, top, width, line, font, align));
            Y += Canvas.LineHeight(font);
        }
    }

    /// <summary>A label on the left and a value on the right of one line (the value wins the room).</summary>
    public void Pair(string label, string value, XFont font)
    {
        var top = Y;
        var valueW = Canvas.Width(value, font) + 0.5;
        ops.Add(c =>
        {
            c.Text(x, top, width - valueW, label, font);
            c.Text(x + width - valueW, top, valueW, value, font, Align.Right);
        });
        Y += Canvas.LineHeight(font);
    }

    public void Rule()
    {
        var top = Y + 0.8;
        ops.Add(c => c.Line(x, top, x + width, top, Nfce.Styles.Rule));
        Y += 1.6;
    }

    public void Space(double mm) => Y += mm;

    /// <summary>A drawing of a known height at the current position.</summary>
    public void Block(double height, Action<Canvas, double> draw)
    {
        var top = Y;
        ops.Add(c => draw(c, top));
        Y += height;
    }

    public void Replay(Canvas canvas)
    {
        foreach (var op in ops)
        {
            op(canvas);
        }
    }
}
