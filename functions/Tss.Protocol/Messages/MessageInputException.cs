namespace Tss.Protocol.Messages;

/// <summary>
/// Builder input that cannot become a schema-valid SEFAZ message. An <see cref="ArgumentException"/> (the caller passed
/// a bad argument) with a stable <see cref="Code"/> from <see cref="ProtocolErrorCodes.Message"/>.
/// </summary>
public sealed class MessageInputException : ArgumentException
{
    public MessageInputException(string code, string message, string? paramName = null) : base(message, paramName) => Code = code;

    /// <summary>Stable machine-readable code (see <see cref="ProtocolErrorCodes.Message"/>).</summary>
    public string Code { get; }
}
