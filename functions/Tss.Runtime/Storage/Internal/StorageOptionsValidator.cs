using Microsoft.Extensions.Options;

namespace Tss.Runtime.Storage.Internal;

/// <summary>Refuses to start with an ambiguous or incomplete storage configuration, saying what to set.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Hint =
        "Set either Storage:ConnectionString (Azurite or local development) or Storage:AccountName " +
        "(or Storage:TableServiceUri, QueueServiceUri and BlobServiceUri) with Storage:UseManagedIdentity=true.";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.UsesConnectionString && options.UsesAccount)
        {
            return ValidateOptionsResult.Fail("Storage: both a connection string and an account are configured; choose one. " + Hint);
        }
        if (!options.UsesConnectionString && !options.UsesAccount)
        {
            return ValidateOptionsResult.Fail("Storage: no storage account is configured. " + Hint);
        }

        var errors = new List<string>();
        if (options.UsesAccount)
        {
            if (!options.UseManagedIdentity)
            {
                errors.Add("Storage: an account name or service URIs need Storage:UseManagedIdentity=true (no other credential is supported).");
            }
            if (string.IsNullOrWhiteSpace(options.AccountName)
                && (options.TableServiceUri is null || options.QueueServiceUri is null || options.BlobServiceUri is null))
            {
                errors.Add("Storage: without Storage:AccountName all three service URIs (table, queue, blob) must be set.");
            }
        }
        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add("Storage:MaxRetries must be between 0 and 10.");
        }
        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add("Storage:RetryDelay must be positive and not above Storage:MaxRetryDelay.");
        }
        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            errors.Add("Storage:NetworkTimeout must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
