using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Cursors;
using Tss.Mde.Documents;
using Tss.Mde.Protocol;
using Tss.Mde.Sharing;
using Tss.Mde.Sync;
using Tss.Protocol.AccessKeys;
using Tss.Sefaz.Client;

namespace Tss.Mde.Queries;

/// <summary>
/// consChNFe / consNSU on demand, at most <see cref="MdeOptions.MaxQueriesPerHour"/> per CNPJ and hour. Over the limit or
/// during a block the refusal is immediate (no SEFAZ call) and says when to come back (TSS message 003). The query
/// holds the cursor's in-flight marker (<see cref="InFlight"/>), so it never overlaps a pass of the cursor's
/// orchestration or another query of the same CNPJ: it waits up to <see cref="MdeOptions.BusyWait"/> for a running
/// pass, then answers busy.
/// </summary>
public sealed class MdeQueryService(MdeAccess access, CursorStore cursors, MdeGateway gateway, ConsumptionPolicy policy,
    IOptions<MdeOptions> options, TimeProvider time, ILogger<MdeQueryService> logger)
{
    /// <summary>
    /// Counts the query against the hour's limit before sending it (reserve, under ETag, so instances never overrun the
    /// limit together) and gives it back only when the request provably never reached SEFAZ (connection or TLS handshake
    /// refused): SEFAZ counts what it received, and a timeout or a connection dropped after sending may have been.
    /// Local failures (invalid query, no certificate) happen before anything is counted.
    /// </summary>
    /// <exception cref="MdeException">Invalid query, no certificate of its own, blocked (<see cref="MdeErrorCodes.Blocked"/> with
    /// the instant), busy, or SEFAZ unavailable.</exception>
    public async Task<MdeQueryResult> QueryAsync(EntityInfo entity, int model, MdeQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(query);
        var build = Validate(query);
        await access.RequireAsync(entity, model, ct).ConfigureAwait(false);
        var request = await gateway.PrepareAsync(entity, model, build, ct).ConfigureAwait(false);
        var cursor = await cursors.GetOrCreateAsync(entity, model, ct).ConfigureAwait(false);
        if (policy.QueryRefusedUntil(cursor, time.GetUtcNow()) is { } early)
        {
            throw BlockedMessage.Exception(early);
        }
        var owner = "query:" + Guid.NewGuid().ToString("N");
        cursor = await cursors.ClaimWaitingAsync(cursor, owner, ct).ConfigureAwait(false);
        try
        {
            return await SendAsync(entity, model, request, cursor, ct).ConfigureAwait(false);
        }
        finally
        {
            await cursors.ReleaseAsync(cursor, owner).ConfigureAwait(false);
        }
    }

    private async Task<MdeQueryResult> SendAsync(EntityInfo entity, int model, MdeRequest request, MdeCursor cursor, CancellationToken ct)
    {
        var refused = default(DateTimeOffset?);
        cursor = await cursors.UpdateAsync(cursor, c =>
        {
            var now = time.GetUtcNow();
            refused = policy.QueryRefusedUntil(c, now);
            return refused is null && policy.TryReserveQuery(c, now);
        }, ct).ConfigureAwait(false);
        if (refused is { } until)
        {
            throw BlockedMessage.Exception(until);
        }
        var window = cursor.QueryWindowStart;
        RetDistDFeInt answer;
        try
        {
            answer = await gateway.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            if (e.NotSent)
            {
                // CancellationToken.None: the refund must not be lost to a caller that went away meanwhile.
                cursor = await cursors.UpdateAsync(cursor, c => ConsumptionPolicy.RefundQuery(c, window), CancellationToken.None).ConfigureAwait(false);
                Log.QueryRefunded(logger, entity.Cnpj, model, e.Code.ToString());
            }
            throw new MdeException(MdeErrorCodes.SefazUnavailable, $"A SEFAZ não respondeu à consulta ({e.Code}); tente novamente mais tarde.");
        }
        var stored = await gateway.StoreAsync(entity, model, answer, cursor.UltNsu, ct).ConfigureAwait(false);
        cursor = await cursors.UpdateAsync(cursor, c =>
        {
            policy.ApplyQuery(c, answer.cStat, time.GetUtcNow());
            return true;
        }, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var summaries = stored.Documents.Select(d => MdeDocumentSummary.From(MdeDocumentRecord.From("", "", d, model, "", now))).ToList();
        return new MdeQueryResult(answer.cStat, answer.xMotivo, summaries, Math.Max(0, options.Value.MaxQueriesPerHour - cursor.QueryCount));
    }

    private static Func<int, int, string, string> Validate(MdeQuery query)
    {
        if ((query.chNFe is null) == (query.Nsu is null))
        {
            throw new MdeException(MdeErrorCodes.InvalidQuery, "Informe exatamente um de chNFe ou nsu.");
        }
        if (query.chNFe is { } key)
        {
            return AccessKey.TryParse(key, out _, out _)
                ? (tpAmb, cUF, cnpj) => DistDFeRequests.ConsChNFe(tpAmb, cUF, cnpj, key)
                : throw new MdeException(MdeErrorCodes.InvalidChNFe, "chNFe inválida (44 dígitos com dígito verificador correto).");
        }
        var nsu = query.Nsu!.Value;
        return nsu is >= 1 and <= DistDFeRequests.MaxNsu
            ? (tpAmb, cUF, cnpj) => DistDFeRequests.ConsNsu(tpAmb, cUF, cnpj, nsu)
            : throw new MdeException(MdeErrorCodes.InvalidNsu, "nsu deve estar entre 1 e 999999999999999.");
    }
}
