using Microsoft.Extensions.Options;

namespace Tss.Runtime.Storage.Internal;

/// <summary>Refuses to start with an ambiguous or incomplete storage configuration, naming the setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        switch (options.Mode)
        {
            case StorageMode.ConnectionString:
                if (!options.UsesConnectionString)
                {
                    errors.Add("Storage:ConnectionString is missing (Storage:Mode is ConnectionString, the default). Set it — "
                        + "\"UseDevelopmentStorage=true\" for Azurite — or set Storage:Mode=ManagedIdentity with Storage:AccountName "
                        + "or Storage:TableServiceUri, Storage:QueueServiceUri and Storage:BlobServiceUri.");
                }
                if (options.UsesAccount || !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
                {
                    errors.Add("Storage:AccountName, the service URIs and Storage:ManagedIdentityClientId belong to "
                        + "Storage:Mode=ManagedIdentity; remove them or set Storage:Mode=ManagedIdentity (and no connection string).");
                }
                break;
            case StorageMode.ManagedIdentity:
                if (options.UsesConnectionString)
                {
                    errors.Add("Storage:ConnectionString must be empty when Storage:Mode is ManagedIdentity (no account key is used in Azure).");
                }
                if (string.IsNullOrWhiteSpace(options.AccountName))
                {
                    var missing = new[]
                    {
                        (nameof(StorageOptions.TableServiceUri), options.TableServiceUri),
                        (nameof(StorageOptions.QueueServiceUri), options.QueueServiceUri),
                        (nameof(StorageOptions.BlobServiceUri), options.BlobServiceUri),
                    }.Where(s => s.Item2 is null).Select(s => "Storage:" + s.Item1).ToList();
                    if (missing.Count > 0)
                    {
                        errors.Add($"Storage:Mode is ManagedIdentity but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing; "
                            + "set Storage:AccountName (public-cloud endpoints are derived from it) or all three service URIs.");
                    }
                }
                foreach (var (setting, uri) in new[]
                {
                    (nameof(StorageOptions.TableServiceUri), options.TableServiceUri),
                    (nameof(StorageOptions.QueueServiceUri), options.QueueServiceUri),
                    (nameof(StorageOptions.BlobServiceUri), options.BlobServiceUri),
                })
                {
                    if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
                    {
                        errors.Add($"Storage:{setting} must be an absolute https URI (a token is never sent over plain HTTP).");
                    }
                }
                break;
            default:
                errors.Add($"Storage:Mode '{options.Mode}' is unknown; use ConnectionString or ManagedIdentity.");
                break;
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
