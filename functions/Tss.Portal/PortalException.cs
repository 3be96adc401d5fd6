namespace Tss.Portal;

/// <summary>A portal request that cannot be done as asked; <see cref="Code"/> is one of <see cref="PortalErrorCodes"/>, the message is pt-BR.</summary>
public sealed class PortalException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
