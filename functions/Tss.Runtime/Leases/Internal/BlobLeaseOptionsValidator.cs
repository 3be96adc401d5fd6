using Microsoft.Extensions.Options;

namespace Tss.Runtime.Leases.Internal;

/// <summary>Keeps lease settings inside what Blob storage allows (finite leases of 15–60 s).</summary>
internal sealed class BlobLeaseOptionsValidator : IValidateOptions<BlobLeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobLeaseOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ContainerName))
        {
            errors.Add("Leases:ContainerName is required.");
        }
        if (options.LeaseDuration < TimeSpan.FromSeconds(15) || options.LeaseDuration > TimeSpan.FromSeconds(60)
            || options.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add("Leases:LeaseDuration must be whole seconds between 15 and 60.");
        }
        if (options.EffectiveRenewInterval <= TimeSpan.Zero || options.EffectiveRenewInterval > options.LeaseDuration / 2)
        {
            errors.Add("Leases:RenewInterval must be positive and at most half of Leases:LeaseDuration.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
