using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tss.Portal.Hosting;
using Tss.Runtime.Storage;

namespace Tss.Portal.Tests;

/// <summary>The cookie keys live on blob storage, so every instance of the host opens every other instance's cookies.</summary>
public sealed class KeyRingTests(PortalFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A second, independent data-protection system over the same storage, as another replica would have.</summary>
    private IDataProtector OtherInstance(string container)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("tss-portal");
        var storage = fixture.Services.GetRequiredService<StorageClients>();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(storage.GetContainer(container)));
        return services.BuildServiceProvider().GetDataProtector("test");
    }

    [Fact]
    public void What_one_instance_protects_another_instance_unprotects()
    {
        var container = "keys-" + Guid.NewGuid().ToString("N")[..12];
        var first = OtherInstance(container);
        var second = OtherInstance(container);

        var token = first.Protect("sessão do cliente");

        Assert.Equal("sessão do cliente", second.Unprotect(token));
        var isolated = OtherInstance("keys-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => isolated.Unprotect(token));
    }

    [Fact]
    public async Task The_portal_keeps_its_key_ring_on_blob_storage_where_another_instance_reads_it()
    {
        using var session = fixture.NewSession();
        await session.SignUpAsync(PortalFixture.NewEmail("anel"), "segredo-forte-123", PortalFixture.NewCnpj(), "Anel Ltda");
        var portal = fixture.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var storage = fixture.Services.GetRequiredService<StorageClients>();

        var keys = new List<string>();
        await foreach (var blob in storage.GetContainer(portal.KeyRingContainer).GetBlobsAsync(cancellationToken: Ct))
        {
            keys.Add(blob.Name);
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("key-", k, StringComparison.Ordinal));
        // The host's own protector and an independent one over the same blobs agree.
        var hostProtector = fixture.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("ok", OtherInstance(portal.KeyRingContainer).Unprotect(hostProtector.Protect("ok")));
        var (status, _) = await session.GetHtmlAsync("portal/home");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
