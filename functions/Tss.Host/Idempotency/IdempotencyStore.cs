using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Pipeline;

namespace Tss.Host.Idempotency;

/// <summary>
/// Client idempotency keys in the "idempotency" table: partition "{tenant}|{SHA-256 of the key}" (one point read or
/// write per step), holding a hash of the request and, once answered, the answer (gzip in binary properties of up to
/// 64 KB each — a 500-document answer fits). Two transactions per request that carries a key, none otherwise.
/// A claim left pending by a crash is taken over after <see cref="StaleAfter"/>; ingest is idempotent per access key,
/// so running the request again is safe. Keys are kept for <see cref="Retention"/>.
/// </summary>
public sealed class IdempotencyStore(TableServiceClient tables, IOptions<PipelineOptions> options, TimeProvider time)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public const int MaxKeyLength = 200;
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 15;
    private const string Row = "r";

    private TableClient Table => tables.GetTableClient(options.Value.IdempotencyTable);

    /// <summary>True for 1–200 printable ASCII characters.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>Hash identifying a request (so the same key with another body is recognised).</summary>
    public static string RequestHash(params ReadOnlySpan<byte[]> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(BitConverter.GetBytes(part.Length));
            sha.AppendData(part);
        }
        return Convert.ToBase64String(sha.GetHashAndReset());
    }

    public async Task<IdempotencyOutcome> BeginAsync(string tenantId, string key, string requestHash, CancellationToken ct)
    {
        var partition = $"{tenantId}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
        var now = time.GetUtcNow();
        var claim = new TableEntity(partition, Row) { ["RequestHash"] = requestHash, ["State"] = "Pending", ["CreatedAt"] = now, ["UpdatedAt"] = now };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var added = await Table.AddEntityAsync(claim, ct).ConfigureAwait(false);
                return new IdempotencyOutcome.Proceed(partition, added.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var read = await Table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: ct).ConfigureAwait(false);
                if (!read.HasValue)
                {
                    continue; // deleted meanwhile (an abandoned claim): try to claim again
                }
                var existing = read.Value!;
                var expired = existing.GetDateTimeOffset("CreatedAt") is { } created && now - created > Retention;
                var stale = existing.GetString("State") == "Pending" && existing.GetDateTimeOffset("UpdatedAt") is { } updated && now - updated > StaleAfter;
                if (!expired && existing.GetString("RequestHash") != requestHash)
                {
                    return new IdempotencyOutcome.Mismatch();
                }
                if (!expired && existing.GetString("State") == "Done")
                {
                    return new IdempotencyOutcome.Replay(ReadResponse(existing));
                }
                if (!expired && !stale)
                {
                    return new IdempotencyOutcome.InProgress();
                }
                try
                {
                    var taken = await Table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    return new IdempotencyOutcome.Proceed(partition, taken.Headers.ETag ?? ETag.All);
                }
                catch (RequestFailedException race) when (race.Status is 412 or 404)
                {
                    // Someone else took it over or finished: look again.
                }
            }
        }
        return new IdempotencyOutcome.InProgress();
    }

    /// <summary>Stores the answer for replay. False when it could not be kept (too large, or the claim was taken over).</summary>
    public async Task<bool> CompleteAsync(IdempotencyOutcome.Proceed claim, string requestHash, StoredResponse response, CancellationToken ct)
    {
        var compressed = Compress(response.Body);
        if (compressed.Length > ChunkBytes * MaxChunks)
        {
            await AbandonAsync(claim, ct).ConfigureAwait(false);
            return false;
        }
        var now = time.GetUtcNow();
        var entity = new TableEntity(claim.PartitionKey, Row)
        {
            ["RequestHash"] = requestHash,
            ["State"] = "Done",
            ["CreatedAt"] = now,
            ["UpdatedAt"] = now,
            ["StatusCode"] = response.StatusCode,
            ["ContentType"] = response.ContentType,
            ["Chunks"] = (compressed.Length + ChunkBytes - 1) / ChunkBytes,
        };
        for (var i = 0; i * ChunkBytes < compressed.Length; i++)
        {
            entity["Body" + i] = compressed.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, compressed.Length - (i * ChunkBytes))).ToArray();
        }
        try
        {
            await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Releases a claim whose request failed, so the client can retry with the same key at once.</summary>
    public async Task AbandonAsync(IdempotencyOutcome.Proceed claim, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(claim.PartitionKey, Row, claim.ETag, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Left pending: it becomes stale and is taken over by the next attempt.
        }
    }

    private static StoredResponse ReadResponse(TableEntity e)
    {
        var chunks = e.GetInt32("Chunks") ?? 0;
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            buffer.Write(e.GetBinary("Body" + i));
        }
        buffer.Position = 0;
        using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return new StoredResponse(e.GetInt32("StatusCode") ?? 200, e.GetString("ContentType") ?? "application/json", reader.ReadToEnd());
    }

    private static byte[] Compress(string body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }
        return buffer.ToArray();
    }
}
