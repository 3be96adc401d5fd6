using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Tss.Contracts.Documents;
using Tss.DevTools.Samples;
using Tss.Pipeline.Documents;
using Tss.Protocol.Schemas;

namespace Tss.Host.Tests.EndToEnd;

/// <summary>
/// The whole product as a separate host process: 300 NF-e from 3 entities through REST → queues → simulator →
/// procNFe, every procNFe schema-valid and every signature verified by an independent implementation (xmlsec1).
/// </summary>
public sealed class EndToEndTests
{
    private static readonly string[] Cnpjs = ["11222333000181", "11222333000262", "11222333000343"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hundred_documents_from_three_entities_are_authorized_with_valid_procNFe_and_signatures()
    {
        await using var stack = await ProcessStack.StartAsync(scale: 15);
        await stack.StartHostAsync();
        using var api = await stack.NewTenantAsync(Cnpjs);

        var keys = new List<(string Cnpj, string chNFe)>();
        foreach (var cnpj in Cnpjs)
        {
            foreach (var batch in Enumerable.Range(1, 100).Chunk(50))
            {
                var body = new
                {
                    documents = batch.Select(n => new { xml = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = cnpj, nNF = n, Items = 3 }, stack.Clock), erpId = $"pedido-{n}" }),
                };
                using var response = await api.PostAsJsonAsync($"api/v1/entities/{cnpj}/nfe", body, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}{Environment.NewLine}{stack.Host?.Output}");
                var answer = await response.Content.ReadFromJsonAsync<SubmitAnswer>(Ct);
                Assert.All(answer!.Documents, d => Assert.Null(d.Error));
                keys.AddRange(answer.Documents.Select(d => (cnpj, d.chNFe!)));
            }
        }
        Assert.Equal(300, keys.Select(k => k.chNFe).Distinct().Count());

        var docs = await stack.WaitAuthorizedAsync(300, TimeSpan.FromSeconds(120), Ct);
        Assert.Equal(keys.Select(k => k.chNFe).Order(), docs.Where(d => d.Status == nameof(DocumentStatus.Authorized)).Select(d => d.RowKey).Order());

        // Every document was authorized exactly once at SEFAZ.
        using var admin = new HttpClient { BaseAddress = stack.Simulator.AdminUri };
        var authorizations = await admin.GetFromJsonAsync<List<AuthorizationView>>("/admin/authorizations", Ct);
        Assert.Equal(300, authorizations!.Count);
        Assert.All(authorizations, a => Assert.Equal(1, a.TimesAuthorized));

        // Every procNFe downloads through the API, validates against procNFe_v4.00.xsd, and its NFe signature verifies in xmlsec1.
        var dir = Directory.CreateTempSubdirectory("tss-e2e-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (cnpj, chNFe) in keys)
            {
                var proc = await api.GetStringAsync($"api/v1/entities/{cnpj}/nfe/{chNFe}/procnfe", Ct);
                var check = NfeSchemas.Shared.Validate(proc, "procNFe_v4.00.xsd");
                Assert.True(check.IsValid, $"{chNFe}: {string.Join("; ", check.Errors.Select(e => e.Message))}");
                var start = proc.IndexOf("<NFe ", StringComparison.Ordinal);
                var end = proc.IndexOf("</NFe>", StringComparison.Ordinal) + "</NFe>".Length;
                var file = Path.Combine(dir, chNFe + ".xml");
                await File.WriteAllTextAsync(file, proc[start..end], Ct);
                files.Add(file);
            }
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (file, ct) =>
            {
                var (exit, output) = await XmlSec1VerifyAsync(file, stack.Simulator.AnchorPath, ct);
                Assert.True(exit == 0, $"xmlsec1 rejected {Path.GetFileName(file)}: {output}");
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static async Task<(int Exit, string Output)> XmlSec1VerifyAsync(string file, string caPem, CancellationToken ct)
    {
        var start = new ProcessStartInfo("xmlsec1") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--verify", "--id-attr:Id", "http://www.portalfiscal.inf.br/nfe:infNFe", "--trusted-pem", caPem, file })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start (apt-get install xmlsec1, or run ./tss test).");
        var output = await process.StandardError.ReadToEndAsync(ct) + await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, output);
    }

    internal sealed record SubmitAnswer(List<SubmitDocument> Documents);

    internal sealed record SubmitDocument(string? chNFe, string? Status, SubmitError? Error);

    internal sealed record SubmitError(string Code, string Message);

    internal sealed record AuthorizationView(string chNFe, int TimesAuthorized);
}
