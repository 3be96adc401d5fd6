namespace Tss.Tenancy;

/// <summary>
/// A tenant-store request that cannot be done as asked (bad input, unknown tenant, certificate refused). <see cref="Code"/>
/// is one of <see cref="TenancyErrorCodes"/> or <see cref="TenancyErrorCodes.Certificates"/>; the message is in
/// Brazilian Portuguese, fit to show to the user, and never carries a password or key.
/// </summary>
public sealed class TenancyException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
