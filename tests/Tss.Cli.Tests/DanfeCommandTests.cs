using Tss.DevTools.Samples;

namespace Tss.Cli.Tests;

/// <summary><c>./tss danfe IN.xml -o OUT.pdf</c>: any procNFe file to a PDF; a refused file gets its code and no PDF.</summary>
public sealed class DanfeCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("tss-danfe-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Danfe_command_writes_the_pdf_of_a_procnfe_file()
    {
        var input = Path.Combine(_home, "nota.xml");
        await File.WriteAllTextAsync(input, SampleProcNFe.Create(new SampleProcNFeOptions
        {
            Nfe = new SampleNfeOptions { EmitCnpj = "99888777000166", nNF = 5 },
            Reindent = true,
        }), TestContext.Current.CancellationToken);
        var output = Path.Combine(_home, "nota.pdf");

        var (exit, stdout, err) = await TssProcess.RunAsync(_home, "danfe", input, "-o", output);

        Assert.True(exit == 0, err);
        Assert.Contains("nota.pdf", stdout, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Danfe_command_refuses_an_nfe_without_protocol_with_its_code_and_writes_nothing()
    {
        var input = Path.Combine(_home, "sem-protocolo.xml");
        await File.WriteAllTextAsync(input, SampleProcNFe.Create(new SampleProcNFeOptions
        {
            Nfe = new SampleNfeOptions { EmitCnpj = "99888777000166", nNF = 6 },
            WithoutProtocol = true,
        }), TestContext.Current.CancellationToken);
        var output = Path.Combine(_home, "sem-protocolo.pdf");

        var (exit, _, err) = await TssProcess.RunAsync(_home, "danfe", input, "-o", output);

        Assert.Equal(1, exit);
        Assert.Contains("danfe.not_authorized", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
