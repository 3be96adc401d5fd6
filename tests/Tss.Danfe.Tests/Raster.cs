using System.Diagnostics;
using ZXing;
using ZXing.Common;

namespace Tss.Danfe.Tests;

/// <summary>PDF pages rasterized by poppler's pdftoppm (installed by ./tss), for barcode decoding and PNG artifacts.</summary>
internal static class Raster
{
    /// <summary>Where the PNG renderings go: $TSS_TEST_RESULTS_DIR/danfe (set by ./tss test) or TestResults beside the binaries.</summary>
    public static string ArtifactDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("TSS_TEST_RESULTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "TestResults");
            var path = Path.Combine(root, "danfe");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Writes PNG pages (name-1.png, name-2.png, …) of a PDF; returns their paths.</summary>
    public static IReadOnlyList<string> Png(byte[] pdf, string directory, string name, int dpi = 110)
    {
        var input = Path.Combine(directory, name + ".pdf");
        File.WriteAllBytes(input, pdf);
        Run("-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(directory, name));
        return Directory.GetFiles(directory, name + "-*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Decodes the barcodes of the given formats found on page 1.</summary>
    public static IReadOnlyList<string> Decode(byte[] pdf, BarcodeFormat format, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("danfe-raster-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            Run("-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(dir.FullName, "page"));
            var (width, height, pixels) = ReadPgm(File.ReadAllBytes(Path.Combine(dir.FullName, "page.pgm")));
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = false,
                Options = new DecodingOptions { PossibleFormats = [format], TryHarder = true },
            };
            var results = reader.DecodeMultiple(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            return results?.Select(r => r.Text).ToList() ?? [];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] pgm)
    {
        // Binary PGM: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[i]))
            {
                i++;
            }

            var start = i;
            while (!char.IsWhiteSpace((char)pgm[i]))
            {
                i++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(pgm, start, i - start));
        }

        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        return (width, height, pgm[(i + 1)..(i + 1 + (width * height))]);
    }

    private static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (apt: poppler-utils).");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed ({process.ExitCode}): {error}");
        }
    }
}
