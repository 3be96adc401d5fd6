namespace Tss.Danfe.Tests;

/// <summary>PNG renderings of a few DANFEs in the test artifacts, for a person to look at.</summary>
public sealed class RenderingArtifactTests
{
    public static TheoryData<string> Cases => ["nfe-portrait", "nfe-landscape", "nfe-300-items", "nfe-cancelled", "nfce-80mm", "nfce-58mm"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Danfe_is_rendered_to_png_in_the_test_artifacts(string name)
    {
        var full = Samples.Nfe() with { Carrier = true, Duplicatas = 4, IbsCbs = true };
        var (options, render) = name switch
        {
            "nfe-portrait" => (full, DanfeRenderOptions.Default),
            "nfe-landscape" => (full with { tpImp = 2 }, DanfeRenderOptions.Default),
            "nfe-300-items" => (Samples.Nfe(items: 300), DanfeRenderOptions.Default),
            "nfe-cancelled" => (Samples.Nfe(tpAmb: 1), new DanfeRenderOptions { Cancelled = true, CancellationProtocol = "135260000012345" }),
            "nfce-80mm" => (Samples.Nfe(items: 8, mod: 65) with { NfceConsumer = true }, DanfeRenderOptions.Default),
            _ => (Samples.Nfe(items: 8, mod: 65), new DanfeRenderOptions { NfcePaper = NfcePaper.Mm58 }),
        };
        var pdf = Samples.Render(options, render);
        var pngs = Raster.Png(pdf, Raster.ArtifactDirectory, name, dpi: name.StartsWith("nfce", StringComparison.Ordinal) ? 200 : 110);
        Assert.Equal(PdfText.Read(pdf).Pages.Count, pngs.Count);
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 10_000, $"{p} looks empty"));
    }
}
