namespace Tss.Protocol.Xml;

/// <summary>Raised when XML input is refused; <see cref="Code"/> is one of <see cref="ProtocolErrorCodes.Xml"/>.</summary>
public sealed class XmlInputException : Exception
{
    public XmlInputException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>Stable machine-readable code (see <see cref="ProtocolErrorCodes.Xml"/>).</summary>
    public string Code { get; }

    /// <summary>1-based line of the problem, when known.</summary>
    public int? Line { get; init; }
}
