using Microsoft.Extensions.Options;
using MimeKit;
using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Distribution.Internal;

/// <summary>Refuses to start with an SMTP host but no valid sender, or a user without a password.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add("Smtp:From must be a valid e-mail address when Smtp:Host is set.");
        }
        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            errors.Add("Smtp:Password is required when Smtp:User is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
