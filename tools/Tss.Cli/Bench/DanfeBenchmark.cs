using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tss.Danfe;
using Tss.DevTools.Samples;

namespace Tss.Cli.Bench;

/// <summary><c>tss bench danfe</c>: DANFEs per second on one thread (one core) and the PDF sizes. Prints figures; never fails on speed.</summary>
internal static class DanfeBenchmark
{
    public static int Run(TimeSpan duration)
    {
        (string Name, SampleProcNFeOptions Options)[] cases =
        [
            ("NF-e, 1 page (12 items)", Options(55, 12)),
            ("NF-e, 300 items", Options(55, 300)),
            ("NFC-e 80 mm (8 items)", Options(65, 8)),
        ];
        Console.WriteLine($"one thread, {duration.TotalSeconds:F0} s per case, PDFsharp + DejaVu Sans Condensed (embedded subsets)");
        var json = new List<string>();
        foreach (var (name, options) in cases)
        {
            var xml = Encoding.UTF8.GetBytes(SampleProcNFe.Create(options));
            var pdf = DanfeRenderer.Render(xml); // warm-up: fonts, JIT
            var pages = CountPages(pdf);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed < duration)
            {
                DanfeRenderer.Render(xml);
                count++;
            }

            var rate = count / watch.Elapsed.TotalSeconds;
            // CPU time of the process (this thread plus the GC's): the per-core cost even when other work shares the cores.
            var cpuRate = count / (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine($"{name,-26} {rate,6:F0} DANFE/s wall  {cpuRate,6:F0} per CPU-second  {pdf.Length / 1024.0,6:F1} KB  {pages} page(s)  XML {xml.Length / 1024.0:F0} KB");
            json.Add(string.Create(CultureInfo.InvariantCulture,
                $"{{\"case\":\"{name}\",\"perSecond\":{rate:F0},\"perCpuSecond\":{cpuRate:F0},\"pdfBytes\":{pdf.Length},\"pages\":{pages}}}"));
        }

        Console.WriteLine($"{{\"bench\":\"danfe\",\"cases\":[{string.Join(',', json)}]}}");
        return 0;
    }

    private static SampleProcNFeOptions Options(int mod, int items) => new()
    {
        Nfe = new SampleNfeOptions { EmitCnpj = "11222333000181", nNF = 1, mod = mod, Items = items, cNF = 12345678 },
        Carrier = mod == 55,
        Duplicatas = mod == 55 ? 3 : 0,
    };

    // Counts the page objects ("/Type/Page", not "/Pages"): enough for a figure.
    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-z])");
}
