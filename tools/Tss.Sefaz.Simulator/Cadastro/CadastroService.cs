using System.Xml;
using Tss.Protocol.Parties;
using Tss.Protocol.Reference;
using Tss.Protocol.Schemas;
using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Lots;

namespace Tss.Sefaz.Simulator.Cadastro;

/// <summary>
/// CadConsultaCadastro4 (ConsCad → retConsCad): schema (215), CNPJ check digits (258), then the simulated registry — the
/// emitters of NF-e authorized here (in the UF of their keys) and <see cref="SimulatorOptions.RegisteredTaxpayers"/> —
/// answering 111 with one record or 259 (CNPJ) / 261 (IE) not registered; no UF here offers CPF queries (262).
/// </summary>
public sealed class CadastroService(SimulatorOptions options, LotEngine engine, AuthorizationStore authorizations) : ISimulatorService
{
    public string PayloadRoot => "ConsCad";

    public string WsdlService => "CadConsultaCadastro4";

    public ServiceAnswer Handle(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inf = NfeXml.Child(request.Payload, "infCons");
        var uf = NfeXml.Text(inf, "UF") is { } u && UfCodes.All.Contains(u) ? u : UfCodes.ToUf(options.DefaultcUF)!;
        var query = Query(inf);
        if (!NfeSchemas.Shared.Validate(request.Payload.OuterXml, "consCad_v2.00.xsd").IsValid)
        {
            return Build(uf, query, 215, null);
        }

        if (query.Name == "CPF")
        {
            return Build(uf, query, 262, null);
        }
        if (query.Name == "IE")
        {
            return Build(uf, query, 261, null);
        }
        if (!Cnpj.IsValid(query.Value))
        {
            return Build(uf, query, 258, null);
        }

        engine.CatchUp();
        var cUF = UfCodes.ToCode(uf);
        var known = options.RegisteredTaxpayers.Contains(query.Value)
            || authorizations.All().Any(a => a.chNFe.AsSpan(6, 14).SequenceEqual(query.Value) && a.chNFe.AsSpan(0, 2).SequenceEqual($"{cUF:00}"));
        return known ? Build(uf, query, 111, query.Value) : Build(uf, query, 259, null);
    }

    public ServiceAnswer Reject(XmlElement? payload, int cStat, string xMotivo)
    {
        var inf = NfeXml.Child(payload, "infCons");
        var uf = NfeXml.Text(inf, "UF") is { } u && UfCodes.All.Contains(u) ? u : UfCodes.ToUf(options.DefaultcUF)!;
        return Build(uf, Query(inf), cStat, null, xMotivo);
    }

    // The party echoed back must stay schema-valid (TCnpjVar / TCpfVar / TIe), so hostile text is not echoed.
    private static (string Name, string Value) Query(XmlElement? inf)
    {
        foreach (var (name, max) in new[] { ("CNPJ", 14), ("CPF", 11), ("IE", 14) })
        {
            if (NfeXml.Text(inf, name) is { } value)
            {
                return value.Length >= 3 && value.Length <= max && value.All(char.IsAsciiDigit) ? (name, value) : (name, new string('0', max));
            }
        }
        return ("CNPJ", new string('0', 14));
    }

    private ServiceAnswer Build(string uf, (string Name, string Value) query, int cStat, string? registered, string? xMotivo = null)
    {
        using var w = new RetWriter("retConsCad", "2.00");
        w.Start("infCons").Element("verAplic", options.VerAplic).Element("cStat", cStat).Element("xMotivo", xMotivo ?? Motivos.Text(cStat))
            .Element("UF", uf).Element(query.Name, query.Value).Element("dhCons", engine.Now).Element("cUF", UfCodes.ToCode(uf));
        if (registered is not null)
        {
            w.Start("infCad").Element("IE", "ISENTO").Element("CNPJ", registered).Element("UF", uf).Element("cSit", "1")
                .Element("indCredNFe", "1").Element("indCredCTe", "4").Element("xNome", $"CONTRIBUINTE SIMULADO {registered}").End();
        }
        w.End();
        return new ServiceAnswer(w.Finish(), [cStat]);
    }
}
