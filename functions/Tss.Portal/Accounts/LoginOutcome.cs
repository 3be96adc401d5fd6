namespace Tss.Portal.Accounts;

/// <summary>The answer to a login attempt.</summary>
/// <param name="User">The user, when <see cref="Succeeded"/>.</param>
/// <param name="LockedUntil">Set when the account is (now) locked.</param>
public sealed record LoginOutcome(PortalUser? User, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => User is not null;
}
