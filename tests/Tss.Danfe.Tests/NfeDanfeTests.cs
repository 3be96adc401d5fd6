using ZXing;

namespace Tss.Danfe.Tests;

public sealed class NfeDanfeTests
{
    [Fact]
    public void Danfe_shows_key_emitente_recipient_protocol_items_and_totals()
    {
        var options = Samples.Nfe() with { Carrier = true, Duplicatas = 3 };
        var xml = Samples.Bytes(options);
        var facts = Facts.Of(xml);
        var pdf = PdfText.Read(DanfeRenderer.Render(xml));

        Assert.Single(pdf.Pages);
        var text = pdf.All;
        Assert.Contains(facts.KeyGroups, text);
        Assert.Contains("11.222.333/0001-81", text);                       // emitente CNPJ
        Assert.Contains("123456789012", text);                             // emitente IE
        Assert.Contains("EMPRESA DE DEMONSTRACAO TSS FUNCTIONS LTDA", text);
        Assert.Contains("NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO", text);  // destinatário (xNome in homologação)
        Assert.Contains($"{facts.nProt} - {facts.dhRecbto}", text);
        Assert.Contains("Nº 000.004.321", text);
        Assert.Contains("FOLHA 1/1", text);
        foreach (var (cProd, xProd) in facts.Items)
        {
            Assert.Contains(cProd, text);
            Assert.Contains(xProd, text);
        }

        Assert.Contains(facts.vNF, text);
        Assert.Contains("TRANSPORTADORA RAPIDA DE DEMONSTRACAO LTDA", text);
        Assert.Contains("ABC1D23", text);
        Assert.Contains("430,750", text);                                  // peso bruto of both volumes
        Assert.Contains("003", text);                                      // third duplicata
        Assert.True(pdf.Sizes[0].Height > pdf.Sizes[0].Width, "tpImp 1 is portrait");
    }

    [Fact]
    public void Three_hundred_items_flow_onto_continuation_pages_each_with_header_and_folha_n_of_m()
    {
        var xml = Samples.Bytes(Samples.Nfe(items: 300));
        var facts = Facts.Of(xml);
        var pdf = PdfText.Read(DanfeRenderer.Render(xml));

        var pages = pdf.Pages.Count;
        Assert.True(pages >= 3, $"300 items on {pages} page(s)");
        for (var n = 0; n < pages; n++)
        {
            Assert.Contains($"FOLHA {n + 1}/{pages}", pdf.Pages[n]);
            Assert.Contains(facts.KeyGroups, pdf.Pages[n]);
            Assert.Contains("DADOS DOS PRODUTOS / SERVIÇOS", pdf.Pages[n]);
            Assert.Contains(facts.nProt, pdf.Pages[n]);
        }

        foreach (var (cProd, xProd) in facts.Items)
        {
            Assert.Equal(1, pdf.Pages.Count(p => p.Contains(cProd + " " + xProd, StringComparison.Ordinal)));
        }

        // The canhoto and the totals are on page 1 only.
        Assert.Contains("RECEBEMOS DE", pdf.Pages[0]);
        Assert.DoesNotContain("RECEBEMOS DE", pdf.Pages[^1]);
    }

    [Fact]
    public void Barcode_decodes_back_to_the_access_key()
    {
        var xml = Samples.Bytes(Samples.Nfe());
        var decoded = Raster.Decode(DanfeRenderer.Render(xml), BarcodeFormat.CODE_128, dpi: 200);
        Assert.Contains(Facts.Of(xml).Key, decoded);
    }

    [Fact]
    public void Landscape_tpImp_2_prints_a_landscape_page_with_the_same_content()
    {
        var xml = Samples.Bytes(Samples.Nfe() with { tpImp = 2 });
        var facts = Facts.Of(xml);
        var pdf = PdfText.Read(DanfeRenderer.Render(xml));
        Assert.True(pdf.Sizes[0].Width > pdf.Sizes[0].Height, "tpImp 2 is landscape");
        Assert.Contains(facts.KeyGroups, pdf.All);
        Assert.All(facts.Items, i => Assert.Contains(i.cProd, pdf.All));
        Assert.Contains(Facts.Of(xml).Key, Raster.Decode(DanfeRenderer.Render(xml), BarcodeFormat.CODE_128, dpi: 200));
    }

    [Fact]
    public void Homologation_says_sem_valor_fiscal_and_production_does_not()
    {
        Assert.Contains("SEM VALOR FISCAL", PdfText.Read(Samples.Render(Samples.Nfe(tpAmb: 2))).All);
        Assert.DoesNotContain("SEM VALOR FISCAL", PdfText.Read(Samples.Render(Samples.Nfe(tpAmb: 1))).All);
    }

    [Fact]
    public void Cancelled_nfe_carries_the_cancellation_stamp_on_every_page()
    {
        var pdf = PdfText.Read(Samples.Render(Samples.Nfe(items: 120, tpAmb: 1),
            new DanfeRenderOptions { Cancelled = true, CancellationProtocol = "135260000012345" }));
        Assert.True(pdf.Pages.Count > 1);
        Assert.All(pdf.Letters, p => Assert.Contains("NF-e CANCELADA", p));
        Assert.Contains("135260000012345", pdf.All);
    }

    [Fact]
    public void Contingency_emission_carries_its_notice()
    {
        var text = PdfText.Read(Samples.Render(Samples.Nfe(tpEmis: 6))).All;
        Assert.Contains("CONTINGÊNCIA (SVC-AN)", text);
        Assert.Contains("Contingencia de demonstracao", text);
    }

    [Fact]
    public void Ibs_cbs_totals_of_the_reforma_tributaria_are_printed_when_present()
    {
        var with = PdfText.Read(Samples.Render(Samples.Nfe() with { IbsCbs = true })).All;
        var without = PdfText.Read(Samples.Render(Samples.Nfe())).All;
        Assert.Contains("V. CBS", with);
        Assert.Contains("V. TOTAL IBS", with);
        Assert.DoesNotContain("V. CBS", without);
    }

    [Fact]
    public void Nfe_without_destinatario_still_prints_its_blocks()
    {
        var text = PdfText.Read(Samples.Render(Samples.Nfe() with { WithoutRecipient = true })).All;
        Assert.Contains("DESTINATÁRIO / REMETENTE", text);
        Assert.DoesNotContain("NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO", text);
    }

    [Fact]
    public void File_reindented_after_signing_prints_from_its_protocol()
    {
        // Many real files were pretty-printed after signing: the signature no longer verifies, the protocol still counts.
        var xml = Samples.Bytes(Samples.Nfe() with { Reindent = true, Carrier = true, Duplicatas = 2, IbsCbs = true });
        Assert.Contains("\n        <", System.Text.Encoding.UTF8.GetString(xml));
        var facts = Facts.Of(xml);
        var text = PdfText.Read(DanfeRenderer.Render(xml)).All;
        Assert.Contains(facts.KeyGroups, text);
        Assert.Contains(facts.nProt, text);
        Assert.All(facts.Items, i => Assert.Contains(i.xProd, text));
    }

    [Fact]
    public void Long_complementary_information_is_cut_with_a_note_not_drawn_over_the_page()
    {
        var longText = string.Concat(Enumerable.Repeat("Informacao complementar extensa do contribuinte. ", 120));
        var text = PdfText.Read(Samples.Render(Samples.Nfe() with { InfCpl = longText })).All;
        Assert.Contains("(texto completo no XML da NF-e)", text);
    }

    [Fact]
    public void Fonts_are_embedded_dejavu_and_their_licence_ships()
    {
        var pdf = PdfText.Read(Samples.Render(Samples.Nfe()));
        Assert.All(pdf.Fonts, f => Assert.Contains("DejaVu", f, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Bitstream", Fonts.DanfeFontResolver.Licence());
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "DejaVu-LICENSE.txt")));
    }
}
