namespace Tss.Host.Problems;

/// <summary>A request refused as a whole (nothing stored); becomes a ProblemDetails or a SOAP fault with <see cref="Code"/>.</summary>
public sealed class RequestRejectedException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}
