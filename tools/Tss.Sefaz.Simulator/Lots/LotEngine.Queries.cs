using Tss.Sefaz.Simulator.Core;

namespace Tss.Sefaz.Simulator.Lots;

public sealed partial class LotEngine
{
    /// <summary>
    /// consReciNFe: 656 while the transmitter's CNPJ is blocked, 106 for an unknown or expired receipt, 105 before the
    /// lot is processed, 104 with the protNFe after. A query sooner than tMed after receipt, or sooner than
    /// <see cref="SimulatorOptions.MinPollInterval"/> after the previous query of the same receipt, is a violation.
    /// </summary>
    public ReceiptAnswer Query(string nRec, string transmitterCnpj)
    {
        ArgumentNullException.ThrowIfNull(nRec);
        ArgumentNullException.ThrowIfNull(transmitterCnpj);
        var now = Now;
        lock (_gate)
        {
            ProcessDue(now);
            var cUF = CUfOf(nRec);
            if (_consumption.CheckBlocked(transmitterCnpj, now))
            {
                return new ReceiptAnswer(656, Motivos.Text(656), cUF, now, nRec, []);
            }

            if (!_lots.TryGetValue(nRec, out var lot))
            {
                return new ReceiptAnswer(106, Motivos.Text(106), cUF, now, nRec, []);
            }

            var early = now - lot.ReceivedAt < TimeSpan.FromSeconds(_options.TMedSeconds)
                || (lot.LastQueryAt is { } last && now - last < _options.MinPollInterval);
            lot.LastQueryAt = now;
            lot.Queries++;
            if (early && _consumption.RecordViolation(transmitterCnpj, now))
            {
                return new ReceiptAnswer(656, Motivos.Text(656), lot.Submission.cUF, now, nRec, []);
            }

            return lot.Results is { } results
                ? new ReceiptAnswer(104, Motivos.Text(104), lot.Submission.cUF, lot.ReceivedAt, nRec, results)
                : new ReceiptAnswer(105, Motivos.Text(105), lot.Submission.cUF, lot.ReceivedAt, nRec, []);
        }
    }

    /// <summary>A snapshot of a lot (processing it first if due), or null when unknown or expired.</summary>
    public LotView? Find(string nRec)
    {
        lock (_gate)
        {
            ProcessDue(Now);
            return _lots.TryGetValue(nRec, out var lot) ? lot.ToView() : null;
        }
    }

    /// <summary>Snapshots of every lot still held, in receipt order.</summary>
    public IReadOnlyList<LotView> List()
    {
        lock (_gate)
        {
            ProcessDue(Now);
            return [.. _lots.Values.OrderBy(l => l.Order).Select(l => l.ToView())];
        }
    }

    /// <summary>Processes whatever is due; services that read the authorization base call this first.</summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            ProcessDue(Now);
        }
    }

    /// <summary>The CNPJs blocked for consumption and until when.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ConsumptionBlocks()
    {
        lock (_gate)
        {
            return new Dictionary<string, DateTimeOffset>(_consumption.Blocks);
        }
    }

    /// <summary>Forgets lots and consumption counters (not the number sequences).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _lots.Clear();
            _pending.Clear();
            _consumption.Clear();
        }
    }

    private int CUfOf(string nRec) =>
        nRec.Length >= 2 && int.TryParse(nRec.AsSpan(0, 2), out var cUF) && cUF is >= 11 and <= 53 ? cUF : _options.DefaultcUF;
}
