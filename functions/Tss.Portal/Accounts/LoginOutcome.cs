namespace Tss.Portal.Accounts;

/// <summary>The answer to a login attempt.</summary>
/// <param name="User">The user, when <see cref="Succeeded"/>.</param>
/// <param name="RetryAfter">Set when the attempt was not even checked: too many attempts for this e-mail (from this
/// browser); the same for an e-mail with or without an account.</param>
public sealed record LoginOutcome(PortalUser? User, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => User is not null;
}
