using PdfSharp.Drawing;
using Tss.Danfe.Fonts;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Fonts and pens of the NF-e DANFE.</summary>
internal static class Styles
{
    public static readonly XFont Title = DanfeFonts.Bold(6);
    public static readonly XFont Small = DanfeFonts.Regular(5.2);
    public static readonly XFont Text = DanfeFonts.Regular(6.5);
    public static readonly XFont TextBold = DanfeFonts.Bold(6.5);
    public static readonly XFont Item = DanfeFonts.Regular(6);
    public static readonly XFont Medium = DanfeFonts.Bold(8);
    public static readonly XFont EmitName = DanfeFonts.Bold(9);
    public static readonly XFont Danfe = DanfeFonts.Bold(13);
    public static readonly XFont Key = DanfeFonts.Bold(8);
    public static readonly XFont Stamp = DanfeFonts.Bold(44);
    public static readonly XFont StampSmall = DanfeFonts.Bold(14);
    public static readonly XPen Hairline = new(XColor.FromArgb(160, 160, 160), 0.25);
    public static readonly XPen Dashed = new(XColors.Black, 0.5) { DashStyle = XDashStyle.Dash };
}
