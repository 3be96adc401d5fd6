using Tss.Danfe.Formatting;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Cálculo do ISSQN (when the NF-e has services) and dados adicionais, at the bottom of page 1.</summary>
internal sealed partial class NfeLayout
{
    private double AdditionalBoxHeight => landscape ? 24 : 30;

    private double AdditionalHeight() => (d.Issqn is null ? 0 : TitleHeight + RowHeight) + TitleHeight + AdditionalBoxHeight;

    private void Additional(Canvas c, double y)
    {
        if (d.Issqn is { } iss)
        {
            y = Title(c, y, "CÁLCULO DO ISSQN");
            y = Row(c, y, F(0.25, "INSCRIÇÃO MUNICIPAL", d.Emitente.IM), Money(0.25, "VALOR TOTAL DOS SERVIÇOS", iss.vServ),
                Money(0.25, "BASE DE CÁLCULO DO ISSQN", iss.vBC), Money(0.25, "VALOR DO ISSQN", iss.vISS));
        }

        y = Title(c, y, "DADOS ADICIONAIS");
        var infoW = 0.65 * w;
        var h = AdditionalBoxHeight;
        c.Field(x0, y, infoW, h, "INFORMAÇÕES COMPLEMENTARES", null);
        c.Field(x0 + infoW, y, w - infoW, h, "RESERVADO AO FISCO", null);
        Fill(c, x0, y, infoW, h, ComplementaryText());
        Fill(c, x0 + infoW, y, w - infoW, h, d.infAdFisco);
    }

    private string ComplementaryText()
    {
        var parts = new List<string>();
        if (d.Ide.tpEmis != 1 && d.Ide.dhCont is { } since)
        {
            parts.Add($"CONTINGÊNCIA ({ContingencyMode(d.Ide.tpEmis)}) DESDE {Br.DateTime(since)}: {d.Ide.xJust}");
        }

        if (options.Cancelled)
        {
            parts.Add("NF-e CANCELADA" + (options.CancellationProtocol is { } p ? $" - PROTOCOLO DE CANCELAMENTO {p}" : string.Empty));
        }

        if (d.infCpl is { } infCpl)
        {
            parts.Add(infCpl);
        }

        if (d.Destinatario?.Email is { } email)
        {
            parts.Add("E-mail do destinatário: " + email);
        }

        return string.Join("\n", parts);
    }

    // Wraps a text into the box under its label: a smaller font when long, then cut with a note (the XML has it all).
    private static void Fill(Canvas c, double x, double y, double width, double height, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var room = height - 3;
        foreach (var font in (ReadOnlySpan<PdfSharp.Drawing.XFont>)[Styles.Item, Styles.Small])
        {
            var lines = c.Lines(text, font, width - 1.6);
            var fit = (int)(room / Canvas.LineHeight(font));
            if (lines.Count <= fit || font == Styles.Small)
            {
                if (lines.Count > fit)
                {
                    lines = [.. lines.Take(fit - 1), "(texto completo no XML da NF-e)"];
                }

                c.Paragraph(x + 0.8, y + 2.6, width - 1.6, lines, font);
                return;
            }
        }
    }
}
