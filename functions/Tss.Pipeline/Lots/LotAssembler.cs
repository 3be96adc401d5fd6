using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Telemetry;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Time;

namespace Tss.Pipeline.Lots;

/// <summary>
/// Cuts lots from a partition's pending documents. It reads only the partition's pending markers and open-lot markers
/// (one row-key range, however many documents the month holds). Creating a lot is one entity-group transaction: the
/// lot, its open-lot marker, and the deletion of its documents' pending markers with If-Match — so a document is in
/// at most one lot whatever runs concurrently. A partial lot waits one gathering window for more documents; a lot
/// whose start was lost (open marker older than <see cref="StaleOpenLot"/> of real time) is started again here (a no-op
/// if it runs).
/// </summary>
public sealed partial class LotAssembler(
    TableServiceClient tables,
    ILotStarter starter,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<LotAssembler> logger,
    CreditCheck? credits = null)
{
    /// <summary>
    /// Real time after which an open lot counts as possibly never started. Real, not pipeline time: on a clock scaled
    /// ×30 a pipeline minute is 2 s, and lots that merely wait for their orchestration's first step under load were
    /// started again by every assemble message (a no-op through the singleton id, but a costly one). Shorter than the
    /// assemble queue's 30 s visibility timeout, so the redelivery of a message whose start failed (or whose process
    /// died after cutting the lot) does start it.
    /// </summary>
    internal static readonly TimeSpan StaleOpenLot = TimeSpan.FromSeconds(20);

    /// <summary>Cuts per message when claims keep losing races (each lost round means another assembler made progress).</summary>
    private const int MaxCutRounds = 5;

    private readonly PipelineOptions _o = options.Value;
    private readonly TimeSpan _staleOnPipelineClock = time is ScaledTimeProvider { Scale: > 0 } scaled ? StaleOpenLot * scaled.Scale : StaleOpenLot;

    /// <param name="message">The partition to assemble.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="redelivered">
    /// The message came back because an earlier handling did not finish (its process died, or it failed): every open
    /// lot of the partition is started, whatever its age — the dead handling may have cut a lot and never started it, and
    /// the redelivery can come sooner than <see cref="StaleOpenLot"/> (queue visibility timeouts are configurable).
    /// </param>
    public async Task HandleAsync(AssembleMessage message, CancellationToken ct, bool redelivered = false)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var pending = await ReadMarkersAsync(table, message.Partition, ct, redelivered).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }
        static bool Alone(PendingMarker m) => m.SyncRequested || m.mod == 65;
        if (_o.GatheringWindow > TimeSpan.Zero && pending.Count(m => !Alone(m) && !m.AwaitingCredits) is > 0 and < LotPlanner.MaxDocuments)
        {
            // Documents that go alone do not wait; the others gather for one window (real time) to fill the lot.
            await CutAsync(table, message.Partition, pending.Where(Alone).ToList(), ct).ConfigureAwait(false);
            await Task.Delay(_o.GatheringWindow, TimeProvider.System, ct).ConfigureAwait(false);
            pending = await ReadMarkersAsync(table, message.Partition, ct).ConfigureAwait(false);
        }
        // A lot whose claim lost a race leaves behind the documents the winner did not take, and no message would come
        // for them: read again and cut what is still pending (a lost claim means another assembler made progress).
        for (var round = 1; await CutAsync(table, message.Partition, pending, ct).ConfigureAwait(false) && round < MaxCutRounds; round++)
        {
            pending = await ReadMarkersAsync(table, message.Partition, ct).ConfigureAwait(false);
        }
    }

    private async Task<List<PendingMarker>> ReadMarkersAsync(TableClient table, string partition, CancellationToken ct, bool startEveryOpenLot = false)
    {
        // "open|…" and "pend|…" rows are adjacent: one range query.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {OpenLotMarker.RowPrefix} and RowKey lt {"pend}"}");
        var now = time.GetUtcNow();
        var pending = new List<PendingMarker>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.RowKey.StartsWith(PendingMarker.RowPrefix, StringComparison.Ordinal))
            {
                pending.Add(new PendingMarker
                {
                    PartitionKey = e.PartitionKey,
                    RowKey = e.RowKey,
                    ETag = e.ETag,
                    SignedBytes = e.GetInt32(nameof(PendingMarker.SignedBytes)) ?? 0,
                    mod = e.GetInt32(nameof(PendingMarker.mod)) ?? 55,
                    SyncRequested = e.GetBoolean(nameof(PendingMarker.SyncRequested)) ?? false,
                    ReceivedAt = e.GetDateTimeOffset(nameof(PendingMarker.ReceivedAt)) ?? now,
                    TenantId = e.GetString(nameof(PendingMarker.TenantId)) ?? "",
                    Cnpj = e.GetString(nameof(PendingMarker.Cnpj)) ?? "",
                    Uf = e.GetString(nameof(PendingMarker.Uf)) ?? "",
                    tpAmb = e.GetInt32(nameof(PendingMarker.tpAmb)) ?? 2,
                    TraceParent = e.GetString(nameof(PendingMarker.TraceParent)),
                    DigestValue = e.GetString(nameof(PendingMarker.DigestValue)) ?? "",
                    AwaitingCredits = e.GetBoolean(nameof(PendingMarker.AwaitingCredits)) ?? false,
                });
            }
            else if (startEveryOpenLot || now - (e.GetDateTimeOffset(nameof(OpenLotMarker.CreatedAt)) ?? now) > _staleOnPipelineClock)
            {
                await starter.StartAsync(partition, e.RowKey[OpenLotMarker.RowPrefix.Length..], ct).ConfigureAwait(false);
            }
        }
        return pending;
    }

    /// <summary>Cuts lots from <paramref name="pending"/>; true when some lot lost its claim to a concurrent assembler.</summary>
    private async Task<bool> CutAsync(TableClient table, string partition, List<PendingMarker> pending, CancellationToken ct)
    {
        if (credits is not null)
        {
            // One credit per document before its first send; those without credits wait (see CreditCheck).
            pending = await credits.AdmitAsync(table, partition, pending, ct).ConfigureAwait(false);
        }
        if (pending.Count == 0)
        {
            return false;
        }
        var byKey = pending.ToDictionary(m => m.Key);
        // One lot, one authorizer: tpEmis 6/7 (SVC) documents never share a lot with tpEmis 1 ones.
        var plan = pending.GroupBy(m => m.Key.tpEmis).SelectMany(g => LotPlanner.Plan(g
            .OrderBy(m => m.ReceivedAt)
            .Select(m => new PendingDocument(m.Key, m.SignedBytes, m.mod, m.SyncRequested))));
        var lost = false;
        foreach (var lot in plan)
        {
            lost |= !await CreateLotAsync(table, partition, lot, byKey, ct).ConfigureAwait(false);
        }
        return lost;
    }

    private async Task<bool> CreateLotAsync(TableClient table, string partition, PlannedLot lot, Dictionary<AccessKey, PendingMarker> markers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var idLote = IdLote.Next(now);
        var first = markers[lot.Keys[0]];
        var record = new LotRecord
        {
            PartitionKey = partition,
            RowKey = LotRecord.RowPrefix + idLote.ToString(CultureInfo.InvariantCulture),
            TenantId = first.TenantId,
            Cnpj = first.Cnpj,
            Uf = first.Uf,
            mod = first.mod,
            tpAmb = first.tpAmb,
            idLote = idLote,
            CreatedAt = now,
        };
        record.Apply(LotState.New(record.RowKey, idLote, lot.Keys, lot.indSinc), now);
        using var span = PipelineTelemetry.StartAssemble(record, [.. lot.Keys.Select(k => markers[k].TraceParent)]);
        var actions = new List<TableTransactionAction>(lot.Keys.Count + 2)
        {
            new(TableTransactionActionType.Add, record),
            new(TableTransactionActionType.Add, new OpenLotMarker { PartitionKey = partition, RowKey = OpenLotMarker.RowFor(record.RowKey), CreatedAt = now }),
        };
        actions.AddRange(lot.Keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, markers[k], markers[k].ETag)));
        try
        {
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            Log.LotClaimLost(logger, partition, idLote); // another assembler claimed some of these documents first
            return false;
        }
        // Before the start: a fast (sync) lot may otherwise record its outcome first and be overwritten here.
        await MarkInLotAsync(table, partition, record.RowKey, lot.Keys, now, ct).ConfigureAwait(false);
        await starter.StartAsync(partition, record.RowKey, ct).ConfigureAwait(false);
        Log.LotCreated(logger, partition, idLote, lot.Keys.Count, lot.indSinc);
        return true;
    }

    /// <summary>
    /// Shows the documents as in the lot. Informational (the claim is the marker deletion above), so unconditional;
    /// if this is lost in a crash, the sender writes it before sending.
    /// </summary>
    internal static Task MarkInLotAsync(TableClient table, string partition, string lotId, IReadOnlyList<AccessKey> keys, DateTimeOffset now, CancellationToken ct) =>
        table.SubmitTransactionAsync(keys.Select(k => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
            DocumentUpdate.InLot(partition, k, lotId, now), ETag.All)), ct);
}
