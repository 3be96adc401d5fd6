using Tss.Sefaz.Simulator.Authorizations;
using Tss.Sefaz.Simulator.Core;
using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.Lots;

/// <summary>
/// The NF-e lot engine: receives lots (sync or async), processes each lot <see cref="SimulatorOptions.ProcessingTime"/>
/// after receipt on the injected clock, answers receipt queries with the consumption rules, and keeps results for
/// <see cref="SimulatorOptions.ReceiptRetention"/>. Processing is lazy (done by whichever call first sees the lot due),
/// so the engine needs no timers and is deterministic on a fake clock. Thread-safe.
/// </summary>
public sealed partial class LotEngine
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly AuthorizationStore _authorizations;
    private readonly FaultRegistry _faults;
    private readonly NumberSequences _numbers;
    private readonly ConsumptionGuard _consumption;
    private readonly Dictionary<string, LotRecord> _lots = new(StringComparer.Ordinal);
    private readonly List<LotRecord> _pending = [];
    private long _order;

    public LotEngine(SimulatorOptions options, TimeProvider time, AuthorizationStore authorizations, FaultRegistry faults,
        NumberSequences numbers)
    {
        _options = options;
        _time = time;
        _authorizations = authorizations;
        _faults = faults;
        _numbers = numbers;
        _consumption = new ConsumptionGuard(options.ConsumptionViolationThreshold, Hour, Hour);
    }

    /// <summary>Current time on the simulator clock, whole seconds (as answers show it).</summary>
    public DateTimeOffset Now => SefazTime.Truncate(_time.GetUtcNow());

    /// <summary>Receives a schema-valid lot: lot-level rules, then 103 (async) or 104 with protNFe (sync).</summary>
    public LotReceipt Receive(LotSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = Now;
        var docs = submission.Documents;
        var rejection = docs.Count switch
        {
            0 => 225,
            > 50 => 225,
            > 1 when submission.indSinc => 225,
            _ when docs.Any(d => d.tpAmb != _options.Environment) => 252,
            1 when !submission.indSinc && _options.Enforce452 && docs[0].mod == 55 => 452,
            _ => 0,
        };
        if (rejection != 0)
        {
            return new LotReceipt(rejection, Motivos.Text(rejection), submission.cUF, now, null, null, null);
        }

        lock (_gate)
        {
            ProcessDue(now);
            var nRec = _numbers.NextReceipt(submission.cUF);
            var due = submission.indSinc ? now : now + _options.EffectiveProcessingTime;
            var lot = new LotRecord(submission, nRec, now, due, ++_order);
            _lots.Add(nRec, lot);
            if (submission.indSinc)
            {
                Process(lot, now);
                return new LotReceipt(104, Motivos.Text(104), submission.cUF, now, nRec, null, lot.Results![0]);
            }

            _pending.Add(lot);
            return new LotReceipt(103, Motivos.Text(103), submission.cUF, now, nRec, _options.TMedSeconds, null);
        }
    }

    /// <summary>Processes every pending lot that is due, in receipt order, and drops expired ones.</summary>
    private void ProcessDue(DateTimeOffset now)
    {
        while (_pending.Count > 0 && _pending[0].DueAt <= now)
        {
            var lot = _pending[0];
            _pending.RemoveAt(0);
            Process(lot, lot.DueAt);
        }

        foreach (var expired in _lots.Values.Where(l => l.ProcessedAt is { } at && now - at >= _options.ReceiptRetention).ToList())
        {
            _lots.Remove(expired.nRec);
        }
    }

    private void Process(LotRecord lot, DateTimeOffset processedAt)
    {
        var results = new List<DocumentResult>(lot.Submission.Documents.Count);
        foreach (var doc in lot.Submission.Documents)
        {
            results.Add(ProcessDocument(lot, doc, processedAt));
        }

        lot.Results = results;
        lot.ProcessedAt = processedAt;
    }

    private DocumentResult ProcessDocument(LotRecord lot, LotDocument doc, DateTimeOffset processedAt)
    {
        // dhRecbto of each protNFe is the lot's receipt time: certificate validity is judged at that instant.
        var dhRecbto = lot.ReceivedAt;
        if (_faults.TakeRejection(doc.chNFe) is { } forced)
        {
            return Rejected(doc, dhRecbto, forced.cStat, forced.xMotivo ?? Motivos.Text(forced.cStat));
        }

        if (doc.RejectioncStat is { } cStat)
        {
            return Rejected(doc, dhRecbto, cStat, doc.RejectionxMotivo ?? Motivos.Text(cStat));
        }

        var nProt = _numbers.NextProtocol(lot.Submission.cUF, processedAt);
        var xMotivo = Motivos.Text(100);
        var xml = ProtNFeXml.Build(_options.Environment, _options.VerAplic, doc.chNFe, dhRecbto, nProt, doc.digVal, 100, xMotivo);
        var record = new AuthorizationRecord(doc.chNFe, doc.Numbering, 100, nProt, doc.digVal, dhRecbto, lot.nRec,
            lot.Submission.idLote, xml);
        var admission = _authorizations.Admit(record, out var existing);
        if (admission == Admission.Added)
        {
            return new DocumentResult(doc.chNFe, 100, xMotivo, nProt, doc.digVal, dhRecbto, xml);
        }

        if (admission == Admission.Voided)
        {
            return Rejected(doc, dhRecbto, 206, Motivos.Text(206));
        }

        // Same key and same content: 204. Same numbering with another key, or the same key with other content: 539.
        return existing!.chNFe == doc.chNFe && existing.digVal == doc.digVal
            ? Rejected(doc, dhRecbto, 204, Motivos.Duplicity(existing.nRec))
            : Rejected(doc, dhRecbto, 539, Motivos.DuplicityDifferentKey(existing.chNFe, existing.nRec));
    }

    private DocumentResult Rejected(LotDocument doc, DateTimeOffset dhRecbto, int cStat, string xMotivo) =>
        new(doc.chNFe, cStat, xMotivo, null, doc.digVal, dhRecbto,
            ProtNFeXml.Build(_options.Environment, _options.VerAplic, doc.chNFe, dhRecbto, null, doc.digVal, cStat, xMotivo));
}
