using Tss.Protocol.Messages;

namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>
/// SEFAZ's DistDFe base: a document stream per interested CNPJ and the NT 2014.002 consumption rules. A 656 is
/// answered for any request while the CNPJ is blocked (and the block restarts), for distNSU inside the hour after a
/// 137 or after ultNSU reached maxNSU, for a distNSU whose ultNSU is neither the one last returned nor a repeat of the
/// last request (a retry after a lost answer), and beyond 20 consNSU/consChNFe in an hour (the hour starts with the
/// first query). Thread-safe.
/// </summary>
public sealed partial class DistributionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DistParty> _parties = new(StringComparer.Ordinal);

    /// <summary>Current tunables.</summary>
    public DistributionSettings Settings { get; set; } = new();

    /// <summary>Marks a request of <paramref name="cnpj"/> as in flight (for the concurrency statistic).</summary>
    public void Enter(string cnpj)
    {
        lock (_gate)
        {
            var party = Party(cnpj);
            party.InFlight++;
            party.MaxInFlight = Math.Max(party.MaxInFlight, party.InFlight);
        }
    }

    /// <summary>Ends what <see cref="Enter"/> started.</summary>
    public void Exit(string cnpj)
    {
        lock (_gate)
        {
            Party(cnpj).InFlight--;
        }
    }

    /// <summary>Applies the consumption rules and answers one request.</summary>
    public DistAnswer Answer(string cnpj, DistQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var party = Party(cnpj);
            party.Requests++;
            if (party.BlockedUntil is { } until && now < until)
            {
                return Block(party, query, now, DistRule.DuringBlock,
                    "Rejeição: Consumo Indevido (Deve ser aguardado 1 hora para efetuar nova solicitação)");
            }
            return query.Kind == DistQueryKind.DistNsu ? DistNsu(party, query, now) : Single(party, query, now);
        }
    }

    private DistAnswer DistNsu(DistParty party, DistQuery query, DateTimeOffset now)
    {
        if (party.QuietUntil is { } quiet && now < quiet)
        {
            return Block(party, query, now, DistRule.NoDocumentsWait,
                "Rejeição: Consumo Indevido (Deve ser aguardado 1 hora para efetuar nova solicitação caso não existam mais documentos a serem pesquisados. Tente após 1 hora)");
        }
        if (party.LastReturned is { } last && query.Nsu != last && query.Nsu != party.LastRequested)
        {
            return Block(party, query, now, DistRule.OutOfSequence,
                "Rejeição: Consumo Indevido (Deve ser utilizado o ultNSU nas solicitações subsequentes. Tente após 1 hora)");
        }
        var max = party.MaxNsu;
        if (query.Nsu > max)
        {
            return new DistAnswer(589, "Rejeição: Número do NSU informado superior ao maior NSU da base de dados do Ambiente Nacional",
                party.LastReturned ?? 0, max, []);
        }
        party.LastRequested = query.Nsu;
        var page = party.Documents.Where(d => d.Nsu > query.Nsu).Take(Settings.PageSize).ToList();
        if (page.Count == 0)
        {
            party.LastReturned = query.Nsu;
            party.QuietUntil = now + DistributionSettings.Hour;
            return new DistAnswer(137, "Nenhum documento localizado", query.Nsu, max, []);
        }
        var ult = page[^1].Nsu;
        party.LastReturned = ult;
        if (ult == max)
        {
            party.QuietUntil = now + DistributionSettings.Hour;
        }
        return new DistAnswer(138, "Documento localizado", ult, max, page);
    }

    private DistAnswer Single(DistParty party, DistQuery query, DateTimeOffset now)
    {
        if (party.QueryWindowStart is not { } start || now >= start + DistributionSettings.Hour)
        {
            party.QueryWindowStart = now;
            party.QueryCount = 0;
        }
        if (party.QueryCount >= Settings.QueryLimit)
        {
            return Block(party, query, now, DistRule.QueryLimit, "Rejeição: Consumo indevido - ultrapassou o limite de 20 consultas por hora");
        }
        party.QueryCount++;
        var ult = party.LastReturned ?? 0;
        var found = query.Kind == DistQueryKind.ConsNsu
            ? party.Documents.Where(d => d.Nsu == query.Nsu).ToList()
            : BestForKey(party, query.chNFe!);
        return found.Count == 0
            ? new DistAnswer(137, "Nenhum documento localizado", ult, party.MaxNsu, [])
            : new DistAnswer(138, "Documento localizado", ult, party.MaxNsu, found);
    }

    // consChNFe answers the NF-e itself: the full nfeProc once the party may have it, otherwise the summary.
    private static List<DistDocument> BestForKey(DistParty party, string chNFe)
    {
        var ofKey = party.Documents.Where(d => d.chNFe == chNFe && !d.Schema.StartsWith("resEvento", StringComparison.Ordinal)
            && !d.Schema.StartsWith("procEvento", StringComparison.Ordinal)).ToList();
        var proc = ofKey.LastOrDefault(d => d.Schema.StartsWith("procNFe", StringComparison.Ordinal));
        return proc is not null ? [proc] : ofKey.Take(1).ToList();
    }

    private static DistAnswer Block(DistParty party, DistQuery query, DateTimeOffset now, DistRule rule, string xMotivo)
    {
        party.BlockedUntil = now + DistributionSettings.Hour;
        party.Violations.Add(new DistViolation(now, rule, query.ToString()));
        // NT 2014.002 v1.14: the 656 carries the last ultNSU consulted, maxNSU zero.
        return new DistAnswer(656, xMotivo, party.LastReturned ?? 0, 0, []);
    }

    private DistParty Party(string cnpj)
    {
        if (!_parties.TryGetValue(cnpj, out var party))
        {
            _parties[cnpj] = party = new DistParty(cnpj);
        }
        return party;
    }

    /// <summary>The namespace every stored document carries.</summary>
    internal static string Ns => NfeNamespaces.Nfe;
}
