using System.Globalization;
using System.Text.RegularExpressions;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Parties;
using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Distribuicao;

public sealed partial class DistributionStore
{
    /// <summary>The emitter of generated NF-e summaries (a valid CNPJ that is nobody's).</summary>
    public static readonly string GeneratedEmitter = Cnpj.WithCheckDigits("987654320001");

    /// <summary>
    /// Adds <paramref name="count"/> NF-e summaries (resNFe 1.01, schema-valid) addressed to <paramref name="cnpj"/>,
    /// each with a new key and NSU. Returns the keys.
    /// </summary>
    public IReadOnlyList<string> SeedSummaries(string cnpj, int count, DateTimeOffset now)
    {
        lock (_gate)
        {
            var party = Party(cnpj);
            var keys = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var nNF = party.Nfes.Count + 1;
                var key = AccessKey.Build(new AccessKeyParts(35, now.Year % 100, now.Month, GeneratedEmitter, 55, 1, nNF, 1,
                    AccessKey.RandomCNF(nNF))).Value;
                party.Nfes[key] = new SeededNfe(key, null);
                party.Append("resNFe_v1.01.xsd", key, ResNFe(key, GeneratedEmitter, "EMITENTE SIMULADO LTDA", 100m + nNF, now, Protocol(now, nNF)));
                keys.Add(key);
            }
            return keys;
        }
    }

    /// <summary>
    /// Adds an NF-e addressed to <paramref name="cnpj"/> from its nfeProc: a resNFe now, and the nfeProc itself once the
    /// party manifests ciência or confirmação — or at once when <paramref name="full"/> (transporter, autXML).
    /// </summary>
    /// <exception cref="ArgumentException">The nfeProc carries no readable key, emitter or protocol.</exception>
    public DistDocument AddNfe(string cnpj, string procNFe, bool full, DateTimeOffset now)
    {
        var key = Field(procNFe, "chNFe") ?? throw new ArgumentException("The nfeProc has no chNFe.", nameof(procNFe));
        var emitter = Field(procNFe, "CNPJ") ?? throw new ArgumentException("The nfeProc has no emitter CNPJ.", nameof(procNFe));
        var nProt = Field(procNFe, "nProt") ?? throw new ArgumentException("The nfeProc has no nProt.", nameof(procNFe));
        var xNome = Field(procNFe, "xNome") ?? "EMITENTE";
        var vNF = decimal.TryParse(Field(procNFe, "vNF"), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m;
        lock (_gate)
        {
            var party = Party(cnpj);
            var nfe = new SeededNfe(key, procNFe) { ProcDistributed = full };
            party.Nfes[key] = nfe;
            return full
                ? party.Append("procNFe_v4.00.xsd", key, procNFe)
                : party.Append("resNFe_v1.01.xsd", key, ResNFe(key, emitter, xNome, vNF, now, nProt));
        }
    }

    /// <summary>Adds a resEvento (e.g. the emitter's cancellation 110111) about <paramref name="chNFe"/>.</summary>
    public DistDocument AddEventSummary(string cnpj, string chNFe, string tpEvento, DateTimeOffset now)
    {
        lock (_gate)
        {
            var party = Party(cnpj);
            var emitter = chNFe.Substring(6, 14);
            var xml = $"<resEvento xmlns=\"{Ns}\" versao=\"1.01\"><cOrgao>{chNFe[..2]}</cOrgao><CNPJ>{emitter}</CNPJ><chNFe>{chNFe}</chNFe>"
                + $"<dhEvento>{SefazTime.Format(now)}</dhEvento><tpEvento>{tpEvento}</tpEvento><nSeqEvento>1</nSeqEvento>"
                + $"<xEvento>{(tpEvento == "110111" ? "Cancelamento" : "Evento")}</xEvento><dhRecbto>{SefazTime.Format(now)}</dhRecbto>"
                + $"<nProt>{Protocol(now, party.Documents.Count + 1)}</nProt></resEvento>";
            return party.Append("resEvento_v1.01.xsd", chNFe, xml);
        }
    }

    /// <summary>Adds a document as given (e.g. a procEventoNFe).</summary>
    public DistDocument AddRaw(string cnpj, string schema, string? chNFe, string xml)
    {
        lock (_gate)
        {
            return Party(cnpj).Append(schema, chNFe, xml);
        }
    }

    /// <summary>
    /// Registers a manifestação of <paramref name="cnpj"/> about <paramref name="chNFe"/>: 494 when the NF-e is not
    /// addressed to it, 573 when the same event exists, 655 for ciência after a conclusive manifestação, otherwise 135;
    /// ciência and confirmação make the nfeProc part of the party's stream.
    /// </summary>
    public int RegisterManifestacao(string cnpj, string chNFe, string tpEvento)
    {
        lock (_gate)
        {
            var party = Party(cnpj);
            if (!party.Nfes.TryGetValue(chNFe, out var nfe))
            {
                return 494;
            }
            if (nfe.Manifestacoes.Contains(tpEvento))
            {
                return 573;
            }
            if (tpEvento == "210210" && nfe.Manifestacoes.Any(t => t is "210200" or "210220" or "210240"))
            {
                return 655;
            }
            nfe.Manifestacoes.Add(tpEvento);
            if (tpEvento is "210200" or "210210" && nfe.ProcNFe is { } proc && !nfe.ProcDistributed)
            {
                nfe.ProcDistributed = true;
                party.Append("procNFe_v4.00.xsd", chNFe, proc);
            }
            return 135;
        }
    }

    /// <summary>Manifestações registered for a key by a party.</summary>
    public IReadOnlyList<string> Manifestacoes(string cnpj, string chNFe)
    {
        lock (_gate)
        {
            return _parties.TryGetValue(cnpj, out var party) && party.Nfes.TryGetValue(chNFe, out var nfe) ? [.. nfe.Manifestacoes] : [];
        }
    }

    /// <summary>The admin view of one party.</summary>
    public DistPartyView View(string cnpj)
    {
        lock (_gate)
        {
            var p = Party(cnpj);
            return new DistPartyView(p.Cnpj, p.Documents.Count, p.MaxNsu, p.LastReturned, p.Requests, p.MaxInFlight, p.QuietUntil,
                p.BlockedUntil, p.QueryWindowStart, p.QueryCount, [.. p.Violations]);
        }
    }

    /// <summary>Forgets every party.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _parties.Clear();
        }
    }

    private static string ResNFe(string key, string emitter, string xNome, decimal vNF, DateTimeOffset now, string nProt) =>
        $"<resNFe xmlns=\"{Ns}\" versao=\"1.01\"><chNFe>{key}</chNFe><CNPJ>{emitter}</CNPJ><xNome>{System.Security.SecurityElement.Escape(xNome)}</xNome>"
        + $"<IE>123456789012</IE><dhEmi>{SefazTime.Format(now)}</dhEmi><tpNF>1</tpNF><vNF>{vNF.ToString("0.00", CultureInfo.InvariantCulture)}</vNF>"
        + $"<dhRecbto>{SefazTime.Format(now)}</dhRecbto><nProt>{nProt}</nProt><cSitNFe>1</cSitNFe></resNFe>";

    private static string Protocol(DateTimeOffset now, long n) =>
        string.Create(CultureInfo.InvariantCulture, $"135{now.Year % 100:00}{n % 10_000_000_000:0000000000}");

    private static string? Field(string xml, string name)
    {
        var match = Regex.Match(xml, $"<{name}>([^<]{{1,60}})</{name}>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }
}
