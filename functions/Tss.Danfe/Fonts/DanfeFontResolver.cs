using PdfSharp.Fonts;

namespace Tss.Danfe.Fonts;

/// <summary>
/// Serves the DejaVu Sans Condensed faces embedded in this assembly (from npm dejavu-fonts-ttf) to PDFsharp; every
/// family name resolves to them, so nothing is ever read from the machine's fonts.
/// </summary>
internal sealed class DanfeFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(Regular));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load(Bold));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Italic is simulated by PDFsharp when asked; the DANFE does not use it.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => RegularBytes.Value,
        Bold => BoldBytes.Value,
        _ => null,
    };

    /// <summary>The fonts' licence text (Bitstream Vera / DejaVu), shipped with the assembly.</summary>
    public static string Licence()
    {
        using var stream = typeof(DanfeFontResolver).Assembly.GetManifestResourceStream("Tss.Danfe.Fonts.LICENSE")
            ?? throw new InvalidOperationException("The font licence is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static byte[] Load(string face)
    {
        using var stream = typeof(DanfeFontResolver).Assembly.GetManifestResourceStream($"Tss.Danfe.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Font {face} is not embedded in Tss.Danfe.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
