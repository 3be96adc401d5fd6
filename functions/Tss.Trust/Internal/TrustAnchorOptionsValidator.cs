using Microsoft.Extensions.Options;

namespace Tss.Trust.Internal;

/// <summary>Refuses to start with no anchor, an unreadable anchor file, or limits outside sane bounds, naming the setting.</summary>
internal sealed class TrustAnchorOptionsValidator : IValidateOptions<TrustAnchorOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustAnchorOptions options)
    {
        const string S = TrustAnchorOptions.Section;
        if (!Enum.IsDefined(options.RevocationMode))
        {
            return ValidateOptionsResult.Fail($"{S}:RevocationMode '{options.RevocationMode}' is unknown; use Online, Offline or NoCheck.");
        }
        if (options.CrlTimeout < TimeSpan.FromSeconds(1) || options.CrlTimeout > TimeSpan.FromMinutes(2))
        {
            return ValidateOptionsResult.Fail($"{S}:CrlTimeout must be between 1 second and 2 minutes.");
        }
        if (options.CrlMaxBytes is < 1024 or > 256 * 1024 * 1024)
        {
            return ValidateOptionsResult.Fail($"{S}:CrlMaxBytes must be between 1 KB and 256 MB.");
        }
        if (options.CrlRetryAfterFailure < TimeSpan.Zero || options.CrlRetryAfterFailure > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"{S}:CrlRetryAfterFailure must be between 0 and 1 hour.");
        }
        try
        {
            var loaded = LoadedTrust.Load(options);
            foreach (var certificate in loaded.Anchors.Concat(loaded.Intermediates))
            {
                certificate.Dispose();
            }
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
        return ValidateOptionsResult.Success;
    }
}
