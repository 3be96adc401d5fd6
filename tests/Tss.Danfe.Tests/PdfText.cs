using UglyToad.PdfPig;

namespace Tss.Danfe.Tests;

/// <summary>The PDF read back with PdfPig: each page's words joined by spaces, its letters, page sizes and font names.</summary>
internal sealed record PdfText(
    IReadOnlyList<string> Pages, IReadOnlyList<string> Letters, IReadOnlyList<(double Width, double Height)> Sizes, IReadOnlySet<string> Fonts)
{
    public string All => string.Join("\n", Pages);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var letters = new List<string>();
        var sizes = new List<(double, double)>();
        var fonts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            pages.Add(string.Join(" ", page.GetWords().Select(w => w.Text)));
            // In content order: rotated stamps read as drawn, whatever the word grouping makes of them.
            letters.Add(page.Text);
            sizes.Add((page.Width, page.Height));
            foreach (var letter in page.Letters)
            {
                fonts.Add(letter.FontName ?? string.Empty);
            }
        }

        return new PdfText(pages, letters, sizes, fonts);
    }
}
