using ZXing;

namespace Tss.Danfe.Tests;

public sealed class NfceDanfeTests
{
    [Theory]
    [InlineData(NfcePaper.Mm80, true)]
    [InlineData(NfcePaper.Mm80, false)]
    [InlineData(NfcePaper.Mm58, true)]
    [InlineData(NfcePaper.Mm58, false)]
    public void Qr_code_decodes_to_the_url_the_xml_carries(NfcePaper paper, bool v2)
    {
        var options = Samples.Nfe(items: 5, mod: 65) with { Csc = v2 ? ("000001", "0123456789ABCDEF0123456789ABCDEF") : null };
        var xml = Samples.Bytes(options);
        var facts = Facts.Of(xml);
        Assert.Contains(v2 ? "|2|2|1|" : "|3|2", facts.QrCode);

        var pdf = DanfeRenderer.Render(xml, new DanfeRenderOptions { NfcePaper = paper });
        var decoded = Raster.Decode(pdf, BarcodeFormat.QR_CODE, dpi: 300);
        Assert.Equal([facts.QrCode!], decoded);
        var page = PdfText.Read(pdf).Sizes[0];
        Assert.Equal((int)paper, page.Width / 72 * 25.4, 1);
    }

    [Fact]
    public void Receipt_shows_items_totals_payment_consumer_key_url_protocol_and_homologation_notice()
    {
        var xml = Samples.Bytes(Samples.Nfe(items: 6, mod: 65) with { NfceConsumer = true });
        var facts = Facts.Of(xml);
        var text = PdfText.Read(DanfeRenderer.Render(xml)).All;

        Assert.Contains("DANFE NFC-e", text);
        foreach (var (cProd, xProd) in facts.Items)
        {
            Assert.Contains($"{cProd} {xProd}", text);
        }

        Assert.Contains($"VALOR A PAGAR R$ {facts.vNF}", text);
        Assert.Contains("Dinheiro", text);
        Assert.Contains("CPF: 123.456.789-09", text);
        Assert.Contains(facts.KeyGroups, text);
        Assert.Contains("Consulte pela Chave de Acesso em", text);
        Assert.Contains("https://www.homologacao.nfce.fazenda.sp.gov.br", text);
        Assert.Contains($"Protocolo de autorização: {facts.nProt}", text);
        Assert.Contains($"Data de autorização: {facts.dhRecbto}", text);
        Assert.Contains("EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO - SEM VALOR FISCAL", text);
    }

    [Fact]
    public void Anonymous_consumer_is_printed_as_not_identified()
    {
        var text = PdfText.Read(Samples.Render(Samples.Nfe(items: 2, mod: 65))).All;
        Assert.Contains("CONSUMIDOR NÃO IDENTIFICADO", text);
    }

    [Fact]
    public void Long_receipt_grows_the_roll_instead_of_adding_pages()
    {
        var pdf = PdfText.Read(Samples.Render(Samples.Nfe(items: 150, mod: 65)));
        Assert.Single(pdf.Pages);
        Assert.True(pdf.Sizes[0].Height / 72 * 25.4 > 500);
        Assert.Contains("SKU-00150", pdf.All);
    }
}
