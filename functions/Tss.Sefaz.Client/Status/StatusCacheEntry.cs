using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Status;

/// <summary>The shared record of one authorizer's status (one table row in the host).</summary>
/// <param name="AskedAt">When the authorizer was last asked (the claim instant); the next ask is allowed
/// <see cref="StatusServiceCacheOptions.Interval"/> later, whatever became of this one.</param>
/// <param name="Pending">A caller holds the claim and has not finished asking.</param>
/// <param name="Answer">The last answer obtained (possibly from an earlier claim when the latest ask failed).</param>
/// <param name="AnsweredAt">When <paramref name="Answer"/> was received.</param>
/// <param name="Version">Concurrency token of the record (the table entity's ETag); changes on every write.</param>
public sealed record StatusCacheEntry(DateTimeOffset AskedAt, bool Pending, RetConsStatServ? Answer, DateTimeOffset? AnsweredAt, string Version);
