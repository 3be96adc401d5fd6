using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tss.Danfe.Formatting;
using Tss.Danfe.Model;

namespace Tss.Danfe.Layout.Nfce;

/// <summary>
/// DANFE NFC-e (model 65) on an 80 mm (or 58 mm) roll, in the order of the MOC's DANFE NFC-e divisions: emitente, items,
/// totals and payment, consultation by key, consumer, identification and protocol, QR code, messages.
/// </summary>
internal sealed partial class NfceLayout
{
    private const double Margin = 2.5;

    private readonly NfeData d;
    private readonly DanfeRenderOptions options;
    private readonly Styles s;
    private readonly double pageW;

    private NfceLayout(NfeData data, DanfeRenderOptions options)
    {
        d = data;
        this.options = options;
        s = new Styles(options.NfcePaper);
        pageW = (int)options.NfcePaper;
    }

    public static void Render(NfeData data, DanfeRenderOptions options, PdfDocument document) =>
        new NfceLayout(data, options).Render(document);

    private void Render(PdfDocument document)
    {
        using var measure = XGraphics.CreateMeasureContext(new XSize(pageW * Canvas.Pt, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var r = new Receipt(new Canvas(measure), Margin, pageW - (2 * Margin));
        r.Space(Margin);
        Emitente(r);
        Items(r);
        Totals(r);
        Consultation(r);
        Consumer(r);
        Identification(r);
        QrCode(r);
        Messages(r);
        r.Space(Margin);

        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(pageW);
        page.Height = XUnit.FromMillimeter(r.Y);
        using var gfx = XGraphics.FromPdfPage(page);
        r.Replay(new Canvas(gfx));
    }

    private void Emitente(Receipt r)
    {
        var e = d.Emitente;
        r.Text(e.Name, s.Bold, Align.Center);
        r.Text($"CNPJ: {Br.Document(e.Document)}" + (e.IE is null ? string.Empty : $"  IE: {e.IE}"), s.Text, Align.Center);
        var a = e.Address;
        r.Text(string.Join(", ", new[] { a.Street, a.xBairro, a.xMun, a.UF }.Where(x => !string.IsNullOrEmpty(x))), s.Text, Align.Center);
        r.Rule();
        r.Text("DANFE NFC-e - Documento Auxiliar da Nota Fiscal de Consumidor Eletrônica", s.Bold, Align.Center);
        if (d.Ide.tpAmb == 2)
        {
            r.Text("EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO - SEM VALOR FISCAL", s.Bold, Align.Center);
        }

        if (d.Ide.tpEmis != 1)
        {
            r.Text("EMITIDA EM CONTINGÊNCIA", s.Bold, Align.Center);
        }

        if (options.Cancelled)
        {
            r.Text("NFC-e CANCELADA" + (options.CancellationProtocol is { } p ? " - PROTOCOLO " + p : string.Empty), s.Title, Align.Center);
        }

        r.Rule();
    }

    private void Items(Receipt r)
    {
        r.Pair("CÓDIGO  DESCRIÇÃO", "QTDE UN x VL UNIT = VL TOTAL", s.Small);
        foreach (var item in d.Items)
        {
            r.Text($"{item.cProd}  {item.xProd}", s.Text);
            r.Pair(string.Empty, $"{Br.Quantity(item.qCom)} {item.uCom} x {Br.Unit(item.vUnCom)} = {Br.Money(item.vProd)}", s.Text);
        }

        r.Rule();
    }

    private void Totals(Receipt r)
    {
        var t = d.Totals;
        r.Pair("QTD. TOTAL DE ITENS", d.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Text);
        r.Pair("VALOR TOTAL R$", Br.Money(t.vProd), s.Text);
        if (t.vDesc > 0)
        {
            r.Pair("DESCONTOS R$", Br.Money(t.vDesc), s.Text);
        }

        var extras = t.vFrete + t.vSeg + t.vOutro;
        if (extras > 0)
        {
            r.Pair("ACRÉSCIMOS R$", Br.Money(extras), s.Text);
        }

        r.Pair("VALOR A PAGAR R$", Br.Money(t.vNF), s.Bold);
        r.Pair("FORMA DE PAGAMENTO", "VALOR PAGO R$", s.Small);
        foreach (var payment in d.Payments)
        {
            r.Pair(PaymentMethods.Name(payment.tPag, payment.xPag), Br.Money(payment.vPag), s.Text);
        }

        if (d.vTroco > 0)
        {
            r.Pair("TROCO R$", Br.Money(d.vTroco), s.Text);
        }

        if (t.vTotTrib > 0)
        {
            r.Text($"Tributos Totais Incidentes (Lei Federal 12.741/2012): R$ {Br.Money(t.vTotTrib)}", s.Small);
        }

        r.Rule();
    }
}
