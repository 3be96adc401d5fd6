using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Runtime.Tables;

namespace Tss.Portal.Accounts;

/// <summary>
/// Portal users in Tables: creation and password checks (throttling of repeated failures is <see cref="LoginThrottle"/>'s,
/// in front of this; there is no lockout an attacker could renew).
/// </summary>
public sealed class PortalUserStore(TableServiceClient tables, IOptions<PortalOptions> options, TimeProvider time, ILogger<PortalUserStore> logger)
{
    private static readonly PasswordHasher<PortalUser> Hasher = new();

    // A hash to verify against when the e-mail is unknown, so that unknown and known addresses take the same time.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString()));

    private readonly PortalOptions _o = options.Value;

    private TableClient Users => tables.GetTableClient(_o.UsersTable);

    public async Task<PortalUser?> FindAsync(string email, CancellationToken ct)
    {
        if (EmailAddresses.Normalize(email) is not { } key)
        {
            return null;
        }
        var read = await Users.GetEntityIfExistsAsync<PortalUser>(key, PortalUser.Row, cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Creates a user; the password must already satisfy <see cref="PasswordRules"/>.</summary>
    /// <exception cref="PortalException">account.invalid_email, account.weak_password or account.email_taken.</exception>
    public async Task<PortalUser> CreateAsync(string email, string password, string tenantId, string role, CancellationToken ct)
    {
        var key = EmailAddresses.Normalize(email) ?? throw new PortalException(PortalErrorCodes.EmailInvalid, "Informe um e-mail válido.");
        if (PasswordRules.Check(password, key) is { } weak)
        {
            throw new PortalException(PortalErrorCodes.PasswordWeak, weak);
        }
        var user = new PortalUser { PartitionKey = key, TenantId = tenantId, Role = role, CreatedAt = time.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        try
        {
            await Users.AddEntityAsync(user, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new PortalException(PortalErrorCodes.EmailTaken, SignUpTexts.EmailUnavailable);
        }
        Log.UserCreated(logger, role, tenantId);
        return user;
    }

    /// <summary>
    /// Checks a password. Never says whether the e-mail exists (unknown addresses cost the same hash check) and never
    /// locks an account: repeated failures are slowed down by <see cref="LoginThrottle"/> before this is called.
    /// </summary>
    public async Task<LoginOutcome> VerifyAsync(string email, string password, CancellationToken ct)
    {
        var user = await FindAsync(email, ct).ConfigureAwait(false);
        if (user is null)
        {
            _ = Hasher.VerifyHashedPassword(new PortalUser(), DummyHash.Value, password ?? "");
            Log.LoginFailed(logger, "unknown account");
            return new LoginOutcome(null);
        }
        var verdict = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            Log.LoginFailed(logger, "wrong password");
            return new LoginOutcome(null);
        }
        var now = time.GetUtcNow();
        await Users.UpdateWithRetryAsync<PortalUser>(user.PartitionKey, PortalUser.Row, u =>
        {
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                u.PasswordHash = Hasher.HashPassword(u, password);
            }
            u.LastLoginAt = now;
            return true;
        }, ct: ct).ConfigureAwait(false);
        return new LoginOutcome(user);
    }
}
