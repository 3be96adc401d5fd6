namespace Tss.Danfe;

/// <summary>A refused DANFE; <see cref="Code"/> is one of <see cref="DanfeErrorCodes"/>. Nothing was drawn.</summary>
public sealed class DanfeException : Exception
{
    public DanfeException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>Stable machine-readable code (see <see cref="DanfeErrorCodes"/>).</summary>
    public string Code { get; }
}
