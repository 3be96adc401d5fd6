using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;

namespace Tss.Pipeline.Telemetry;

/// <summary>
/// Traces and metrics of the pipeline (ActivitySource and Meter "Tss.Pipeline"). One trace per document: ingest starts
/// it and its W3C traceparent is stored on the document (and its pending marker, and then its lot), so the lot's
/// steps, the outcome and the distribution of that document are parented on it wherever and whenever they run. A lot
/// step is also one span of its own that links to every document it carries and holds the SEFAZ call as a child.
/// Without a listener (no OpenTelemetry configured) every method here costs a null check.
/// </summary>
public static class PipelineTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter.</summary>
    public const string Name = "Tss.Pipeline";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    /// <summary>Status transitions of documents (tags: status, uf, mod, and cStat for final statuses).</summary>
    internal static readonly Counter<long> Transitions =
        Meter.CreateCounter<long>("tss.documents.transitions", "{document}", "Documents entering a status (Pending, InLot, Authorized, Denied, Rejected).");

    /// <summary>Tag names, shared with tests and dashboards.</summary>
    public static class Tags
    {
        public const string ChNFe = "tss.chnfe";
        public const string LotId = "tss.lot.id";
        public const string IdLote = "tss.lot.idlote";
        public const string Documents = "tss.lot.documents";
        public const string Partition = "tss.partition";
        public const string TenantId = "tss.tenant";
        public const string Status = "status";
        public const string Uf = "uf";
        public const string Mod = "mod";
        public const string CStat = "cStat";
        public const string Refusal = "tss.refusal";
    }

    /// <summary>Starts a document's trace (a root span linked to the request that carried it); call before preparing it.</summary>
    internal static Activity? StartIngest() => StartRoot("tss.ingest", ActivityKind.Internal);

    /// <summary>
    /// Ends the preparation of one document: an accepted one gets the trace's traceparent stored on its record and
    /// counts as Pending; a refused one marks the span as an error with its code.
    /// </summary>
    internal static void Ingested(Activity? span, DocumentRecord? record, string? refusal)
    {
        if (record is not null)
        {
            record.TraceParent = span?.Id;
            span?.SetTag(Tags.ChNFe, record.RowKey).SetTag(Tags.TenantId, record.TenantId);
            Transition(DocumentStatus.Pending, record.Uf, record.mod, null);
        }
        else
        {
            span?.SetTag(Tags.Refusal, refusal).SetStatus(ActivityStatusCode.Error, refusal);
        }
    }

    /// <summary>
    /// A lot was cut: keeps its documents' traceparents on the lot record (for the later steps), counts them InLot and
    /// returns an "assemble" span linked to each document.
    /// </summary>
    internal static Activity? StartAssemble(LotRecord lot, IReadOnlyList<string?> traceParents)
    {
        lot.DocumentTraceParents = LotTraceParents.Join(traceParents);
        Transitions.Add(traceParents.Count, new(Tags.Status, nameof(DocumentStatus.InLot)), new(Tags.Uf, lot.Uf), new(Tags.Mod, lot.mod));
        var span = StartRoot("tss.lot.assemble", ActivityKind.Internal, LotTraceParents.Links(traceParents));
        return span?.SetTag(Tags.LotId, lot.RowKey).SetTag(Tags.IdLote, lot.idLote).SetTag(Tags.Documents, traceParents.Count).SetTag(Tags.Partition, lot.PartitionKey);
    }

    /// <summary>
    /// A lot step that calls SEFAZ (send, poll, consult): a lot span (current while the step runs, so the SEFAZ call
    /// is its child) linked to the documents, plus one span per document in that document's trace. Null for other steps.
    /// </summary>
    internal static IDisposable? StartLotStep(LotAction step, LotRecord lot)
    {
        var name = step switch
        {
            LotAction.Send => "tss.lot.send",
            LotAction.Poll => "tss.lot.poll",
            LotAction.Consult => "tss.lot.consult",
            _ => null,
        };
        if (name is null || !Source.HasListeners())
        {
            return null;
        }
        var parents = LotTraceParents.Split(lot.DocumentTraceParents);
        var keys = lot.Keys.Length == 0 ? [] : lot.Keys.Split(',');
        var group = new SpanGroup();
        var main = StartRoot(name, ActivityKind.Internal, LotTraceParents.Links(parents));
        main?.SetTag(Tags.LotId, lot.RowKey).SetTag(Tags.IdLote, lot.idLote).SetTag(Tags.Documents, keys.Length).SetTag(Tags.Partition, lot.PartitionKey);
        for (var i = 0; i < parents.Count; i++)
        {
            group.Add(StartInDocument(name, parents[i], main)?.SetTag(Tags.ChNFe, i < keys.Length ? keys[i] : null).SetTag(Tags.LotId, lot.RowKey));
        }
        return group.Main(main);
    }

    /// <summary>The outcome of each document, one span in each document's trace (tags: chNFe, lot id).</summary>
    internal static IDisposable? StartOutcomes(LotRecord lot, IEnumerable<DocumentRecord> documents) =>
        StartPerDocument("tss.outcome", documents, lot.RowKey);

    /// <summary>The distribution of each document of a distribute message, one span in each document's trace.</summary>
    internal static IDisposable? StartDistribution(IEnumerable<DocumentRecord> documents) =>
        StartPerDocument("tss.distribute", documents, null);

    /// <summary>Counts one document entering <paramref name="status"/>.</summary>
    internal static void Transition(DocumentStatus status, string uf, int mod, int? cStat)
    {
        if (!Transitions.Enabled)
        {
            return;
        }
        var tags = new TagList { { Tags.Status, status.ToString() }, { Tags.Uf, uf }, { Tags.Mod, mod } };
        if (cStat is { } c)
        {
            tags.Add(Tags.CStat, c);
        }
        Transitions.Add(1, tags);
    }

    private static SpanGroup? StartPerDocument(string name, IEnumerable<DocumentRecord> documents, string? lotId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var group = new SpanGroup();
        foreach (var doc in documents)
        {
            var span = StartInDocument(name, doc.TraceParent, null);
            span?.SetTag(Tags.ChNFe, doc.RowKey).SetTag(Tags.LotId, lotId ?? doc.LotId).SetTag(Tags.Status, doc.Status);
            group.Add(span);
        }
        return group;
    }

    /// <summary>A span in a document's trace, not made current (several run side by side); linked to the step span.</summary>
    private static Activity? StartInDocument(string name, string? traceParent, Activity? step)
    {
        var previous = Activity.Current;
        try
        {
            ActivityLink[]? links = step is null ? null : [new ActivityLink(step.Context)];
            return ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent)
                ? Source.StartActivity(name, ActivityKind.Internal, parent, links: links)
                : StartRoot(name, ActivityKind.Internal, links);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>A span that starts a trace of its own, linked to what was current (e.g. the HTTP request).</summary>
    private static Activity? StartRoot(string name, ActivityKind kind, IEnumerable<ActivityLink>? links = null)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var previous = Activity.Current;
        Activity.Current = null;
        var all = previous is null ? links : (links ?? []).Append(new ActivityLink(previous.Context));
        var span = Source.StartActivity(name, kind, default(ActivityContext), links: all);
        if (span is null)
        {
            Activity.Current = previous;
        }
        return span;
    }
}
