using PdfSharp.Drawing;

namespace Tss.Danfe.Layout;

/// <summary>Word wrapping and cutting, measured with the page's fonts.</summary>
internal sealed partial class Canvas
{
    /// <summary>Splits a text into lines no wider than <paramref name="w"/> mm (long words are broken).</summary>
    public List<string> Lines(string? text, XFont font, double w)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, font) <= w)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Width(line, font) > w && line.Length > 1)
                {
                    var take = Fitting(line, font, w);
                    lines.Add(line[..take]);
                    line = line[take..];
                }
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Draws wrapped lines from the top; returns the height used in mm.</summary>
    public double Paragraph(double x, double y, double w, IEnumerable<string> lines, XFont font, Align align = Align.Left)
    {
        var height = LineHeight(font);
        var top = y;
        foreach (var line in lines)
        {
            Text(x, top, w, line, font, align);
            top += height;
        }

        return top - y;
    }

    private string Cut(string text, XFont font, double w)
    {
        if (Width(text, font) <= w)
        {
            return text;
        }

        var room = w - Width("…", font);
        if (room <= 0 || Width(text[..1], font) > room)
        {
            return string.Empty;
        }

        return text[..Fitting(text, font, room)].TrimEnd() + "…";
    }

    // The longest prefix that fits (binary search on the measured width).
    private int Fitting(string text, XFont font, double w)
    {
        int lo = 1, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Width(text[..mid], font) <= w)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
