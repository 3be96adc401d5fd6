using Tss.Danfe;
using Tss.DevTools.Samples;

namespace Tss.Cli.Commands;

/// <summary>
/// <c>tss danfe IN.xml -o OUT.pdf</c>: the DANFE of any procNFe (ours or another issuer's), or of a demo document with
/// <c>--sample</c>. A refused file prints its code and exits 1; no PDF is written.
/// </summary>
internal static class DanfeCommand
{
    public static int Run(IEnumerable<string> args)
    {
        // "-o" is the short form of "--out" (CommandLine reads only "--" options).
        var cmd = new CommandLine(args.Select(a => a == "-o" ? "--out" : a));
        var words = cmd.Positional;
        var output = cmd.Get("out");

        byte[] xml;
        if (cmd.Has("sample"))
        {
            xml = System.Text.Encoding.UTF8.GetBytes(Sample(cmd));
        }
        else
        {
            var input = words.Count == 1 ? words[0] : throw new UsageException("danfe needs exactly one input file (or --sample)");
            xml = File.Exists(input) ? File.ReadAllBytes(input) : throw new UsageException($"file not found: {input}");
        }

        if (output is null)
        {
            throw new UsageException("danfe needs -o OUT.pdf");
        }

        var options = new DanfeRenderOptions
        {
            Cancelled = cmd.Has("cancelled"),
            NfcePaper = cmd.GetInt("paper", 80) switch
            {
                80 => NfcePaper.Mm80,
                58 => NfcePaper.Mm58,
                _ => throw new UsageException("--paper must be 80 or 58"),
            },
        };
        try
        {
            var pdf = DanfeRenderer.Render(xml, options);
            File.WriteAllBytes(output, pdf);
            Console.WriteLine($"{output}: {pdf.Length / 1024.0:F1} KB");
            return 0;
        }
        catch (DanfeException e)
        {
            Console.Error.WriteLine($"tss: {e.Code}: {e.Message}");
            return 1;
        }
    }

    private static string Sample(CommandLine cmd)
    {
        var nfce = cmd.Has("nfce");
        return SampleProcNFe.Create(new SampleProcNFeOptions
        {
            Nfe = new SampleNfeOptions { EmitCnpj = "11222333000181", nNF = 1, mod = nfce ? 65 : 55, Items = cmd.GetInt("items", 12) },
            tpImp = cmd.Has("landscape") ? 2 : null,
            Carrier = !nfce,
            Duplicatas = nfce ? 0 : 3,
            IbsCbs = !nfce,
            NfceConsumer = nfce,
        });
    }
}
