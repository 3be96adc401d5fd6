namespace Tss.Sefaz.Simulator.Lots;

/// <summary>A received lot. Mutable only under the engine's lock; expose snapshots (<see cref="LotView"/>).</summary>
internal sealed class LotRecord(LotSubmission submission, string nRec, DateTimeOffset receivedAt, DateTimeOffset dueAt, long order)
{
    public LotSubmission Submission { get; } = submission;
    public string nRec { get; } = nRec;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public DateTimeOffset DueAt { get; } = dueAt;
    public long Order { get; } = order;
    public DateTimeOffset? ProcessedAt { get; set; }
    public IReadOnlyList<DocumentResult>? Results { get; set; }
    public DateTimeOffset? LastQueryAt { get; set; }
    public int Queries { get; set; }

    public LotView ToView() => new(nRec, Submission.idLote, Submission.indSinc, Submission.TransmitterCnpj, Submission.cUF,
        ReceivedAt, DueAt, ProcessedAt, Queries, [.. Submission.Documents.Select(d => d.chNFe)], Results ?? []);
}
