using Azure;

namespace Tss.Host.Idempotency;

/// <summary>What to do with a request that carries an Idempotency-Key.</summary>
public abstract record IdempotencyOutcome
{
    private IdempotencyOutcome()
    {
    }

    /// <summary>First use of the key (or a takeover of an abandoned one): run the request, then complete the claim.</summary>
    public sealed record Proceed(string PartitionKey, ETag ETag) : IdempotencyOutcome;

    /// <summary>Same key, same request, already answered: send the stored answer again.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyOutcome;

    /// <summary>Same key, different request.</summary>
    public sealed record Mismatch : IdempotencyOutcome;

    /// <summary>Same key, same request, still running elsewhere.</summary>
    public sealed record InProgress : IdempotencyOutcome;
}
