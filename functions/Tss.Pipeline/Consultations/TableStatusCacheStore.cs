using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Pipeline.Events;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client.Status;

namespace Tss.Pipeline.Consultations;

/// <summary>
/// The shared NFeStatusServico4 records in a table (one row per authorizer, model and environment: partition "status",
/// row "{authorizer}|{model}|{tpAmb}"), so every instance of the host obeys one 3-minute rule. The claim is an insert
/// (first ask) or a replace with If-Match on the row's ETag; the ETag is the record's version.
/// </summary>
public sealed class TableStatusCacheStore(TableServiceClient tables, IOptions<EventsOptions> options) : IStatusCacheStore
{
    private const string Partition = "status";
    private readonly Lazy<Task> _created = new(() => tables.GetTableClient(options.Value.StatusTable).CreateIfNotExistsAsync());

    private TableClient Table => tables.GetTableClient(options.Value.StatusTable);

    public async ValueTask<StatusCacheEntry?> ReadAsync(StatusKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _created.Value.ConfigureAwait(false);
        var read = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row(key), cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? ToEntry(read.Value!) : null;
    }

    public async ValueTask<StatusCacheEntry?> TryClaimAsync(StatusKey key, StatusCacheEntry? current, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _created.Value.ConfigureAwait(false);
        var entity = ToEntity(key, now, pending: true, current?.Answer, current?.AnsweredAt);
        try
        {
            var response = current is null
                ? await Table.AddEntityAsync(entity, ct).ConfigureAwait(false)
                : await Table.UpdateEntityAsync(entity, new ETag(current.Version), TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return new StatusCacheEntry(now, true, current?.Answer, current?.AnsweredAt, response.Headers.ETag.ToString()!);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null; // another caller claimed or wrote first
        }
    }

    public async ValueTask CompleteAsync(StatusKey key, StatusCacheEntry claim, RetConsStatServ? answer, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(claim);
        var entity = answer is null
            ? ToEntity(key, claim.AskedAt, pending: false, claim.Answer, claim.AnsweredAt)
            : ToEntity(key, claim.AskedAt, pending: false, answer, now);
        try
        {
            await Table.UpdateEntityAsync(entity, new ETag(claim.Version), TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // A newer claim replaced this one (it was abandoned for too long): leave the newer record alone.
        }
    }

    private static string Row(StatusKey key) => $"{key.Authorizer}|{key.Model}|{key.tpAmb}";

    private static TableEntity ToEntity(StatusKey key, DateTimeOffset askedAt, bool pending, RetConsStatServ? answer, DateTimeOffset? answeredAt)
    {
        var e = new TableEntity(Partition, Row(key)) { ["AskedAt"] = askedAt, ["Pending"] = pending };
        if (answer is not null)
        {
            e["AnsweredAt"] = answeredAt;
            e["tpAmb"] = answer.tpAmb;
            e["verAplic"] = answer.verAplic;
            e["cStat"] = answer.cStat;
            e["xMotivo"] = answer.xMotivo;
            e["cUF"] = answer.cUF;
            e["dhRecbto"] = answer.dhRecbto;
            e["tMed"] = answer.tMed;
            e["dhRetorno"] = answer.dhRetorno;
            e["xObs"] = answer.xObs;
        }
        return e;
    }

    private static StatusCacheEntry ToEntry(TableEntity e)
    {
        var answer = e.GetInt32("cStat") is { } cStat
            ? new RetConsStatServ(e.GetInt32("tpAmb") ?? 0, e.GetString("verAplic") ?? "", cStat, e.GetString("xMotivo") ?? "",
                e.GetInt32("cUF") ?? 0, e.GetDateTimeOffset("dhRecbto") ?? default, e.GetInt32("tMed"), e.GetDateTimeOffset("dhRetorno"), e.GetString("xObs"))
            : null;
        return new StatusCacheEntry(e.GetDateTimeOffset("AskedAt") ?? default, e.GetBoolean("Pending") ?? false, answer,
            answer is null ? null : e.GetDateTimeOffset("AnsweredAt"), e.ETag.ToString());
    }
}
