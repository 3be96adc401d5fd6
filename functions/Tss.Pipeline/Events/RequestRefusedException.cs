namespace Tss.Pipeline.Events;

/// <summary>An event, inutilização or consultation request refused as a whole (nothing stored, nothing sent to SEFAZ).
/// <see cref="Code"/> is stable (<see cref="EventErrorCodes"/>); the message is in Brazilian Portuguese.</summary>
public sealed class RequestRefusedException(RefusalKind kind, string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public RefusalKind Kind { get; } = kind;
    public string Code { get; } = code;
}
