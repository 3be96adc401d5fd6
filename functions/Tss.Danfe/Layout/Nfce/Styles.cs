using PdfSharp.Drawing;
using Tss.Danfe.Fonts;

namespace Tss.Danfe.Layout.Nfce;

/// <summary>Fonts of the DANFE NFC-e for one roll width (58 mm prints one point smaller).</summary>
internal sealed class Styles
{
    public static readonly XPen Rule = new(XColors.Black, 0.4) { DashStyle = XDashStyle.Dash };

    public Styles(NfcePaper paper)
    {
        var size = paper == NfcePaper.Mm58 ? 6 : 7;
        Text = DanfeFonts.Regular(size);
        Bold = DanfeFonts.Bold(size);
        Small = DanfeFonts.Regular(size - 1);
        Title = DanfeFonts.Bold(size + 1);
    }

    public XFont Text { get; }

    public XFont Bold { get; }

    public XFont Small { get; }

    public XFont Title { get; }
}
