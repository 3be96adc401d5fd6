using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;
using Tss.Runtime.Storage.Internal;

namespace Tss.Runtime.Tests.Storage;

/// <summary>The <c>Storage:Mode</c> switch: what each mode needs at start and which credential and endpoints it produces. No network.</summary>
public sealed class StorageModeTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    [Fact]
    public void Default_mode_is_the_connection_string_without_a_token_credential()
    {
        using var host = Build(new() { ["Storage:ConnectionString"] = Azurite });

        var storage = host.Services.GetRequiredService<StorageClients>();

        Assert.Equal(StorageMode.ConnectionString, storage.Mode);
        Assert.Null(storage.Credential);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", storage.Tables.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", storage.Queues.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", storage.Blobs.Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void Managed_identity_with_an_account_name_gets_the_public_endpoints_and_default_azure_credential()
    {
        using var host = Build(new() { ["Storage:Mode"] = "ManagedIdentity", ["Storage:AccountName"] = "tssprod" });

        var storage = host.Services.GetRequiredService<StorageClients>();

        Assert.Equal(StorageMode.ManagedIdentity, storage.Mode);
        Assert.IsType<DefaultAzureCredential>(storage.Credential);
        Assert.Null(storage.ManagedIdentityClientId);
        Assert.Equal("https://tssprod.table.core.windows.net/", storage.Tables.Uri.ToString());
        Assert.Equal("https://tssprod.queue.core.windows.net/", storage.Queues.Uri.ToString());
        Assert.Equal("https://tssprod.blob.core.windows.net/", storage.Blobs.Uri.ToString());
    }

    [Fact]
    public void Managed_identity_with_service_uris_and_a_client_id_uses_exactly_those()
    {
        using var host = Build(new()
        {
            ["Storage:Mode"] = "ManagedIdentity",
            ["Storage:TableServiceUri"] = "https://acct.table.core.chinacloudapi.cn/",
            ["Storage:QueueServiceUri"] = "https://acct.queue.core.chinacloudapi.cn/",
            ["Storage:BlobServiceUri"] = "https://acct.blob.core.chinacloudapi.cn/",
            ["Storage:ManagedIdentityClientId"] = " 7f0c4e1a-0000-4000-8000-000000000001 ",
        });

        var storage = host.Services.GetRequiredService<StorageClients>();

        Assert.IsType<DefaultAzureCredential>(storage.Credential);
        Assert.Equal("7f0c4e1a-0000-4000-8000-000000000001", storage.ManagedIdentityClientId);
        Assert.Equal("https://acct.table.core.chinacloudapi.cn/", storage.Tables.Uri.ToString());
        Assert.Equal("https://acct.queue.core.chinacloudapi.cn/", storage.Queues.Uri.ToString());
        Assert.Equal("https://acct.blob.core.chinacloudapi.cn/", storage.Blobs.Uri.ToString());
    }

    [Fact]
    public void Credential_options_carry_the_user_assigned_client_id_and_nothing_for_an_empty_one()
    {
        Assert.Equal("abc", StorageCredentials.CreateOptions(new StorageOptions { ManagedIdentityClientId = "abc" }).ManagedIdentityClientId);
        Assert.Null(StorageCredentials.CreateOptions(new StorageOptions { ManagedIdentityClientId = "  " }).ManagedIdentityClientId);
    }

    [Theory]
    [InlineData(null, null, null, "Storage:ConnectionString is missing")]
    [InlineData(null, "UseDevelopmentStorage=true", "acct", "belong to Storage:Mode=ManagedIdentity")]
    [InlineData("ManagedIdentity", null, null, "Storage:TableServiceUri, Storage:QueueServiceUri, Storage:BlobServiceUri are missing")]
    [InlineData("ManagedIdentity", "UseDevelopmentStorage=true", "acct", "Storage:ConnectionString must be empty")]
    public void Host_refuses_to_start_naming_the_missing_or_conflicting_setting(string? mode, string? connectionString, string? accountName, string expected)
    {
        using var host = Build(new() { ["Storage:Mode"] = mode, ["Storage:ConnectionString"] = connectionString, ["Storage:AccountName"] = accountName });

        var error = Assert.Throws<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_missing_service_uri_is_named()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions
        {
            Mode = StorageMode.ManagedIdentity,
            TableServiceUri = new Uri("https://a.table.core.windows.net/"),
            QueueServiceUri = new Uri("https://a.queue.core.windows.net/"),
        });

        Assert.True(result.Failed);
        Assert.Contains("Storage:BlobServiceUri is missing", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_endpoint_is_refused_for_a_token()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions
        {
            Mode = StorageMode.ManagedIdentity,
            AccountName = "a",
            BlobServiceUri = new Uri("http://a.blob.core.windows.net/"),
        });

        Assert.True(result.Failed);
        Assert.Contains("Storage:BlobServiceUri must be an absolute https URI", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_mode_in_configuration_fails_at_start()
    {
        using var host = Build(new() { ["Storage:Mode"] = "SharedKey", ["Storage:ConnectionString"] = Azurite });

        var error = Assert.ThrowsAny<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult());

        Assert.Contains("Mode", error.ToString(), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTssStorage();
        return builder.Build();
    }
}
