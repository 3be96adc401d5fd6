using System.Globalization;
using Tss.DevTools.Benchmarks;
using Tss.DevTools.Pki;
using Tss.DevTools.Samples;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;

namespace Tss.Cli.Commands;

/// <summary><c>tss bench --docs N | --sync [--docs N] | sign | schema</c>: throughput figures on this machine (a program, not a test).</summary>
internal static class BenchCommand
{
    private const string Cnpj = "11222333000181";

    public static async Task<int> RunAsync(CommandLine cmd)
    {
        if (cmd.Has("sync"))
        {
            return await Bench.SyncBenchmark.RunAsync(cmd);
        }
        if (cmd.Has("docs"))
        {
            return await Bench.PipelineBenchmark.RunAsync(Bench.BenchSettings.From(cmd));
        }
        var what = cmd.Positional.Count > 0 ? cmd.Positional[0] : throw new UsageException("bench needs: --docs N | sign | schema | danfe");
        var seconds = cmd.GetDouble("seconds", 5);
        if (what == "danfe")
        {
            return Bench.DanfeBenchmark.Run(TimeSpan.FromSeconds(seconds));
        }

        var items = cmd.GetInt("items", 8);
        var nfe = SampleNfe.Create(new SampleNfeOptions { EmitCnpj = Cnpj, nNF = 1, Items = items });
        using var ca = TestCertificateAuthority.Create("TSS Bench CA");
        using var cert = ca.IssueECnpj(Cnpj, "BENCH LTDA");
        switch (what)
        {
            case "sign":
                var r = SigningBenchmark.Run(nfe, cert, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"document                  {r.DocumentBytes / 1024.0:F1} KB unsigned, {items} items, RSA-2048, one thread");
                Console.WriteLine($"sign (C14N+SHA1+RSA)      {r.SignaturesPerSecond,10:F0} /s");
                Console.WriteLine($"parse+sign+serialize      {r.ParseSignSerializePerSecond,10:F0} /s");
                Console.WriteLine($"C14N+digest only          {r.DigestsPerSecond,10:F0} /s");
                Console.WriteLine($"bare RSA-2048 SHA-1 sign  {r.RsaSignaturesPerSecond,10:F0} /s");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"bench\":\"sign\",\"bytes\":{r.DocumentBytes},\"signPerSecond\":{r.SignaturesPerSecond:F0},\"parseSignSerializePerSecond\":{r.ParseSignSerializePerSecond:F0},\"rsaPerSecond\":{r.RsaSignaturesPerSecond:F0}}}"));
                return 0;
            case "schema":
                var signed = new XmlDsigSigner(cert).Sign(nfe, "infNFe");
                var rate = SchemaBenchmark.Run(signed, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"document                  {System.Text.Encoding.UTF8.GetByteCount(signed) / 1024.0:F1} KB signed NF-e, {items} items, nfe_v4.00.xsd ({NfeSchemas.PackageName}), one thread");
                Console.WriteLine($"schema validations        {rate,10:F0} /s");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"bench\":\"schema\",\"validationsPerSecond\":{rate:F0}}}"));
                return 0;
            default:
                throw new UsageException($"unknown benchmark '{what}' (sign | schema | danfe)");
        }
    }
}
