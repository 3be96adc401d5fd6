using System.Diagnostics;

namespace Tss.Protocol.Tests.Signing;

/// <summary>Runs the xmlsec1 command line tool (Debian package xmlsec1, installed by <c>./tss test</c>).</summary>
internal static class XmlSec1
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmlsec1")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // Never skip silently: the interop tests are the proof that another implementation accepts our signatures.
            Assert.Fail($"xmlsec1 is not installed ({ex.Message}). Install it with `apt-get install xmlsec1` or run `./tss test`, which installs it.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("xmlsec1 did not finish within 60 s.");
            }

            return new Result(process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
