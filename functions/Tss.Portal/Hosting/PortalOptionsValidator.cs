using Microsoft.Extensions.Options;
using Tss.Portal.Accounts;

namespace Tss.Portal.Hosting;

/// <summary>The configured operator: both e-mail and password, a valid address, a password the portal would accept.</summary>
public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasEmail = !string.IsNullOrWhiteSpace(options.OperatorEmail);
        var hasPassword = !string.IsNullOrEmpty(options.OperatorPassword);
        if (hasEmail != hasPassword)
        {
            return ValidateOptionsResult.Fail("Portal:OperatorEmail and Portal:OperatorPassword go together.");
        }
        if (hasEmail && EmailAddresses.Normalize(options.OperatorEmail) is null)
        {
            return ValidateOptionsResult.Fail("Portal:OperatorEmail is not a valid e-mail address.");
        }
        if (hasPassword && PasswordRules.Check(options.OperatorPassword, options.OperatorEmail) is not null)
        {
            return ValidateOptionsResult.Fail($"Portal:OperatorPassword is too weak (at least {PasswordRules.MinLength} characters, letters and digits).");
        }
        return ValidateOptionsResult.Success;
    }
}
