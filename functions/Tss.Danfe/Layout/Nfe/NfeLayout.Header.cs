using Tss.Danfe.Barcodes;
using Tss.Danfe.Formatting;

namespace Tss.Danfe.Layout.Nfe;

/// <summary>Canhoto and the emitente header (identification, DANFE box, barcode, access key, protocol, registrations).</summary>
internal sealed partial class NfeLayout
{
    private const double HeaderHeight = 34 + (2 * RowHeight);

    private void Canhoto(Canvas c, double x, double y, double width)
    {
        const double numberW = 34;
        var half = CanhotoHeight / 2;
        c.Box(x, y, width - numberW, half);
        var recipient = d.Destinatario is { } dest ? $" DESTINATÁRIO: {dest.Name} - {dest.Address.Street} {dest.Address.xMun}-{dest.Address.UF}" : string.Empty;
        var text = $"RECEBEMOS DE {d.Emitente.Name} OS PRODUTOS E/OU SERVIÇOS CONSTANTES DA NOTA FISCAL ELETRÔNICA INDICADA AO LADO. "
            + $"EMISSÃO: {Br.Date(d.Ide.dhEmi)} VALOR TOTAL: R$ {Br.Money(d.Totals.vNF)}{recipient}";
        c.Paragraph(x + 0.8, y + 0.6, width - numberW - 1.6, c.Lines(text, Styles.Small, width - numberW - 1.6).Take(3), Styles.Small);
        c.Field(x, y + half, 38, half, "DATA DE RECEBIMENTO", null);
        c.Field(x + 38, y + half, width - numberW - 38, half, "IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR", null);
        c.Box(x + width - numberW, y, numberW, CanhotoHeight);
        c.Text(x + width - numberW, y + 1.5, numberW, "NF-e", Styles.Medium, Align.Center);
        c.Text(x + width - numberW, y + 6.5, numberW, $"Nº {Br.Number(d.Ide.nNF)}", Styles.Medium, Align.Center);
        c.Text(x + width - numberW, y + 11, numberW, $"SÉRIE {Br.Serie(d.Ide.serie)}", Styles.Medium, Align.Center);
        c.Line(x, y + CanhotoHeight + 2, x + width, y + CanhotoHeight + 2, Styles.Dashed);
    }

    // Landscape: the canhoto along the left edge, rotated so it reads bottom to top.
    private void CanhotoRotated(Canvas c)
    {
        var gfx = c.Graphics;
        var state = gfx.Save();
        gfx.TranslateTransform(Margin * Canvas.Pt, Bottom * Canvas.Pt);
        gfx.RotateTransform(-90);
        Canhoto(c, 0, 0, pageH - (2 * Margin));
        gfx.Restore(state);
    }

    private double Header(Canvas c, double y, int page, int pages)
    {
        var emitW = 0.40 * w;
        var danfeW = 0.17 * w;
        var rightX = x0 + emitW + danfeW;
        var rightW = w - emitW - danfeW;
        Emitente(c, x0, y, emitW);
        DanfeBox(c, x0 + emitW, y, danfeW, page, pages);

        c.Box(rightX, y, rightW, 12);
        c.Bars(Barcodes.Barcodes.Code128(d.Key), rightX + 4, y + 1.3, rightW - 8, 9.4);
        c.Field(rightX, y + 12, rightW, 8, "CHAVE DE ACESSO", Br.Key(d.Key), Align.Center, bold: true);
        c.Box(rightX, y + 20, rightW, 14);
        if (d.Ide.tpEmis == 1)
        {
            var lines = c.Lines("Consulta de autenticidade no portal nacional da NF-e www.nfe.fazenda.gov.br/portal ou no site da Sefaz Autorizadora",
                Styles.Text, rightW - 4);
            c.Paragraph(rightX + 2, y + 23, rightW - 4, lines, Styles.Text, Align.Center);
        }
        else
        {
            ContingencyNotice(c, rightX, y + 20, rightW);
        }

        y += 34;
        y = Row(c, y, F(0.57, "NATUREZA DA OPERAÇÃO", d.Ide.natOp),
            d.Protocol is not { } p ? F(0.43, "PROTOCOLO DE AUTORIZAÇÃO DE USO", string.Empty, Align.Center)
                : p.cStat == Reading.NfeReader.EpecRegisteredCStat
                    ? F(0.43, "PROTOCOLO DE REGISTRO DO EPEC", $"{p.nProt} - {Br.DateTime(p.dhRecbto)}", Align.Center)
                    : F(0.43, "PROTOCOLO DE AUTORIZAÇÃO DE USO", $"{p.nProt} - {Br.DateTime(p.dhRecbto)}", Align.Center));
        return Row(c, y, F(0.34, "INSCRIÇÃO ESTADUAL", d.Emitente.IE), F(0.33, "INSCRIÇÃO ESTADUAL DO SUBST. TRIBUT.", d.Emitente.IEST),
            F(0.33, "CNPJ / CPF", Br.Document(d.Emitente.Document)));
    }

    private void Emitente(Canvas c, double x, double y, double width)
    {
        var e = d.Emitente;
        c.Box(x, y, width, 34);
        c.Text(x + 0.6, y + 0.4, width - 1.2, "IDENTIFICAÇÃO DO EMITENTE", Styles.Small);
        var top = y + 4;
        top += c.Paragraph(x + 2, top, width - 4, c.Lines(e.Name, Styles.EmitName, width - 4).Take(3), Styles.EmitName, Align.Center) + 1;
        var a = e.Address;
        string[] address =
        [
            a.Street,
            string.Join(" - ", new[] { a.xBairro, string.IsNullOrEmpty(a.CEP) ? null : "CEP " + Br.Cep(a.CEP) }.Where(s => !string.IsNullOrEmpty(s))),
            string.Join(" - ", new[] { a.xMun, a.UF }.Where(s => !string.IsNullOrEmpty(s))),
            string.IsNullOrEmpty(a.fone) ? string.Empty : "Fone: " + Br.Phone(a.fone),
        ];
        var lines = address.Where(s => s.Length > 0).SelectMany(s => c.Lines(s, Styles.Text, width - 4));
        c.Paragraph(x + 2, top, width - 4, lines.Take((int)((y + 33.5 - top) / Canvas.LineHeight(Styles.Text))), Styles.Text, Align.Center);
    }

    private void DanfeBox(Canvas c, double x, double y, double width, int page, int pages)
    {
        c.Box(x, y, width, 34);
        c.Text(x, y + 1, width, "DANFE", Styles.Danfe, Align.Center);
        c.Paragraph(x + 1, y + 6.6, width - 2, c.Lines("DOCUMENTO AUXILIAR DA NOTA FISCAL ELETRÔNICA", Styles.Small, width - 2), Styles.Small, Align.Center);
        c.Text(x + 2, y + 12.6, width - 10, "0 - ENTRADA", Styles.Text);
        c.Text(x + 2, y + 15.4, width - 10, "1 - SAÍDA", Styles.Text);
        c.Box(x + width - 8, y + 12.8, 5, 5);
        c.Text(x + width - 8, y + 13.5, 5, d.Ide.tpNF.ToString(System.Globalization.CultureInfo.InvariantCulture), Styles.Medium, Align.Center);
        c.Text(x, y + 20, width, $"Nº {Br.Number(d.Ide.nNF)}", Styles.Medium, Align.Center);
        c.Text(x, y + 24, width, $"SÉRIE {Br.Serie(d.Ide.serie)}", Styles.Medium, Align.Center);
        c.Text(x, y + 28.5, width, $"FOLHA {page}/{pages}", Styles.TextBold, Align.Center);
    }
}
