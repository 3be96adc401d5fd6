using Azure.Identity;

namespace Tss.Runtime.Storage.Internal;

/// <summary>The credential options of <see cref="StorageMode.ManagedIdentity"/>, apart so tests can see them without a token request.</summary>
internal static class StorageCredentials
{
    public static DefaultAzureCredentialOptions CreateOptions(StorageOptions settings) => new()
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId) ? null : settings.ManagedIdentityClientId.Trim(),
    };
}
