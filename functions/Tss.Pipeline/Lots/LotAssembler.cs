using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Messages;

namespace Tss.Pipeline.Lots;

/// <summary>
/// Cuts lots from a partition's pending documents. Creating a lot and claiming its documents is one entity-group
/// transaction (lot insert + document merges with If-Match), so a document is in at most one lot whatever runs
/// concurrently. A lot still "Created" long after it was cut (the process died before its start message was sent)
/// is started again here.
/// </summary>
public sealed partial class LotAssembler(
    TableServiceClient tables,
    PipelineQueues queues,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<LotAssembler> logger)
{
    private static readonly string[] Columns = ["RowKey", "Status", "SignedBytes", "mod", "SyncRequested", "ReceivedAt", "History", "TenantId", "Cnpj", "Uf", "tpAmb", "Phase", "CreatedAt"];
    private static readonly TimeSpan StaleCreatedLot = TimeSpan.FromMinutes(1);
    private readonly PipelineOptions _o = options.Value;

    public async Task HandleAsync(AssembleMessage message, CancellationToken ct)
    {
        var table = tables.GetTableClient(_o.DocumentsTable);
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {message.Partition} and (Status eq {nameof(DocumentStatus.Pending)} or Phase eq {nameof(LotPhase.Created)})");
        var pending = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.RowKey.StartsWith(LotRecord.RowPrefix, StringComparison.Ordinal))
            {
                if (now - e.GetDateTimeOffset("CreatedAt") > StaleCreatedLot)
                {
                    await queues.StartLotAsync(message.Partition, e.RowKey, ct).ConfigureAwait(false);
                }
            }
            else
            {
                pending.Add(e);
            }
        }
        if (pending.Count == 0)
        {
            return;
        }
        var byKey = pending.ToDictionary(e => e.RowKey);
        var plan = LotPlanner.Plan(pending
            .OrderBy(e => e.GetDateTimeOffset("ReceivedAt"))
            .Select(e => new PendingDocument(e.RowKey, e.GetInt32("SignedBytes") ?? 0, e.GetInt32("mod") ?? 55, e.GetBoolean("SyncRequested") ?? false)));
        foreach (var lot in plan)
        {
            await CreateLotAsync(table, message.Partition, lot, byKey, now, ct).ConfigureAwait(false);
        }
    }

    private async Task CreateLotAsync(TableClient table, string partition, PlannedLot lot, Dictionary<string, TableEntity> docs, DateTimeOffset now, CancellationToken ct)
    {
        var first = docs[lot.Keys[0]];
        var idLote = IdLote.Next(now);
        var record = new LotRecord
        {
            PartitionKey = partition,
            RowKey = LotRecord.RowPrefix + idLote.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TenantId = first.GetString("TenantId"),
            Cnpj = first.GetString("Cnpj"),
            Uf = first.GetString("Uf"),
            mod = first.GetInt32("mod") ?? 55,
            tpAmb = first.GetInt32("tpAmb") ?? 2,
            idLote = idLote,
            CreatedAt = now,
        };
        record.Apply(LotState.New(record.RowKey, idLote, lot.Keys, lot.indSinc), now);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, record) };
        foreach (var key in lot.Keys)
        {
            var doc = docs[key];
            var claim = new TableEntity(partition, key)
            {
                ["Status"] = nameof(DocumentStatus.InLot),
                ["LotId"] = record.RowKey,
                ["UpdatedAt"] = now,
                ["History"] = doc.GetString("History") + $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} InLot {idLote}\n",
            };
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, claim, doc.ETag));
        }
        try
        {
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
        {
            LogClaimLost(logger, partition, idLote); // another assembler claimed some of these documents first
            return;
        }
        await queues.StartLotAsync(partition, record.RowKey, ct).ConfigureAwait(false);
        LogLotCreated(logger, partition, idLote, lot.Keys.Count, lot.indSinc);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Lot {IdLote} created in {Partition} with {Count} documents (indSinc={Sync})")]
    private static partial void LogLotCreated(ILogger logger, string partition, long idLote, int count, bool sync);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Lot {IdLote} in {Partition} not created: documents were claimed concurrently")]
    private static partial void LogClaimLost(ILogger logger, string partition, long idLote);
}
