namespace Tss.Pipeline.Queries;

/// <summary>A continuation token that this listing did not issue (tampered, or from another entity or filter).</summary>
public sealed class InvalidContinuationTokenException(string message) : Exception(message)
{
    public const string Code = "list.invalid_continuation";
}
