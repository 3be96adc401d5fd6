namespace Tss.Mde;

/// <summary>An MD-e request refused before or instead of reaching SEFAZ, with a stable <see cref="Code"/> and a message
/// in Brazilian Portuguese. <see cref="RetryAfter"/> says when the service may be used again (blocks).</summary>
public sealed class MdeException(string code, string message, DateTimeOffset? retryAfter = null) : Exception(message)
{
    public string Code { get; } = code;

    public DateTimeOffset? RetryAfter { get; } = retryAfter;
}
