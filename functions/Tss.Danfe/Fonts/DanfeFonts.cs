using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Tss.Danfe.Fonts;

/// <summary>Installs the font resolver once per process and hands out the XFont instances the layouts use.</summary>
internal static class DanfeFonts
{
    private static readonly Lock Gate = new();
    private static bool installed;

    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref installed))
        {
            return;
        }

        lock (Gate)
        {
            if (!installed)
            {
                // PDFsharp keeps one process-wide resolver; the product has no other PDFsharp user.
                GlobalFontSettings.FontResolver ??= new DanfeFontResolver();
                Volatile.Write(ref installed, true);
            }
        }
    }

    public static XFont Regular(double size) => new(DanfeFontResolver.Family, size, XFontStyleEx.Regular, Options);

    public static XFont Bold(double size) => new(DanfeFontResolver.Family, size, XFontStyleEx.Bold, Options);

    // Unicode (Identity-H with a ToUnicode map): any character of the XML prints and is extractable.
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode);
}
