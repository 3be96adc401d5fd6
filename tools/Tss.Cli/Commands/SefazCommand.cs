using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tss.Protocol.Reactions;
using Tss.Sefaz.Client;

namespace Tss.Cli.Commands;

/// <summary><c>tss sefaz status --uf SP --env 2</c> against the configured endpoint.</summary>
internal static class SefazCommand
{
    public static async Task<int> RunAsync(CommandLine cmd)
    {
        var sub = cmd.Positional.Count > 0 ? cmd.Positional[0] : throw new UsageException("sefaz needs a subcommand: status");
        if (sub != "status")
        {
            throw new UsageException($"unknown sefaz subcommand '{sub}'");
        }
        var uf = (cmd.Get("uf") ?? "SP").ToUpperInvariant();
        var env = cmd.GetInt("env", 2);
        var model = cmd.GetInt("model", 55);
        if (env is not (1 or 2))
        {
            throw new UsageException("--env must be 1 (produção) or 2 (homologação)");
        }

        var options = new SefazClientOptions();
        CliConfiguration.Build().GetSection(SefazClientOptions.Section).Bind(options);
        using var cert = Pfx.Load(cmd.Get("pfx") ?? DevEntity.PfxPath, cmd.Get("password") ?? DevEntity.Password);
        var wrapped = Options.Create(options);
        using var client = new SefazClient(new SefazEndpoints(wrapped), wrapped);
        try
        {
            var target = new SefazTarget(uf, model, env);
            var ret = await client.StatusServicoAsync(target, cert);
            Console.WriteLine($"cStat     {ret.cStat}");
            Console.WriteLine($"xMotivo   {ret.xMotivo}");
            Console.WriteLine($"cUF       {ret.cUF}   tpAmb {ret.tpAmb}   verAplic {ret.verAplic}");
            Console.WriteLine($"dhRecbto  {ret.dhRecbto:yyyy-MM-ddTHH:mm:sszzz}" + (ret.tMed is { } t ? $"   tMed {t}s" : ""));
            if (ret.xObs is not null)
            {
                Console.WriteLine($"xObs      {ret.xObs}");
            }
            return CStatTables.StatusServico.React(ret.cStat) == CStatReaction.InOperation ? 0 : 1;
        }
        catch (SefazException e)
        {
            Console.Error.WriteLine($"tss: sefaz.{e.Code}: {e.Message}");
            return 2;
        }
    }
}
