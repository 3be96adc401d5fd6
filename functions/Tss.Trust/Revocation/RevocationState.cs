namespace Tss.Trust.Revocation;

internal enum RevocationState
{
    Good,
    Revoked,
    Unknown,
}
