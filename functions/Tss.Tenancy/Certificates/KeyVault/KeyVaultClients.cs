using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;

namespace Tss.Tenancy.Certificates.KeyVault;

/// <summary>
/// The two Key Vault clients of the store, with one retry policy: exponential back-off, and on 429/503 the service's
/// Retry-After wins when it asks for longer (Azure.Core's retry policy reads it). Thread-safe, shared.
/// </summary>
internal sealed class KeyVaultClients
{
    private KeyVaultClients(CertificateClient certificates, SecretClient secrets) => (Certificates, Secrets) = (certificates, secrets);

    /// <summary>Imports certificates (a new version per upload).</summary>
    public CertificateClient Certificates { get; }

    /// <summary>Reads the certificate's secret: the PFX with its private key.</summary>
    public SecretClient Secrets { get; }

    /// <param name="transport">Tests put a fake HTTP transport here; null for the real one.</param>
    public static KeyVaultClients Create(Uri vaultUri, TokenCredential credential, int maxRetries, TimeSpan retryDelay, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new KeyVaultClients(
            new CertificateClient(vaultUri, credential, Configure(new CertificateClientOptions(), maxRetries, retryDelay, transport)),
            new SecretClient(vaultUri, credential, Configure(new SecretClientOptions(), maxRetries, retryDelay, transport)));
    }

    private static T Configure<T>(T options, int maxRetries, TimeSpan retryDelay, HttpPipelineTransport? transport)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = retryDelay;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        // Request and response bodies carry the PFX: never let the SDK's diagnostics log them.
        options.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            options.Transport = transport;
        }
        return options;
    }
}
