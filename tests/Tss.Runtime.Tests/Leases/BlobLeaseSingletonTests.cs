using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Runtime.Leases;
using Tss.Runtime.Tests.Support;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Leases;

public sealed class BlobLeaseSingletonTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_two_contenders_exactly_one_wins_and_the_other_gets_it_after_release()
    {
        var container = azurite.UniqueName("singletons");
        using var hostA = Instance(container);
        using var hostB = Instance(container);
        var a = hostA.Services.GetRequiredService<BlobLeaseSingleton>();
        var b = hostB.Services.GetRequiredService<BlobLeaseSingleton>();

        foreach (var key in new[] { "distdfe/12345678000195/55", "distdfe/12345678000195/65", "lot-assembly" })
        {
            // Fresh key: both race through blob creation too.
            var handles = await Task.WhenAll(a.TryAcquireAsync(key, Ct), b.TryAcquireAsync(key, Ct));
            var winner = Assert.Single(handles, h => h is not null)!;
            var loser = handles[0] is null ? a : b;

            Assert.Null(await loser.TryAcquireAsync(key, Ct));
            await winner.DisposeAsync();
            await using var next = await loser.TryAcquireAsync(key, Ct);
            Assert.NotNull(next);
            Assert.Equal(key, next.Key);
        }
    }

    [Fact]
    public async Task Held_lease_is_renewed_past_its_duration_and_a_crashed_holders_lease_expires()
    {
        var container = azurite.UniqueName("singletons");
        using var host = Instance(container, o =>
        {
            o.LeaseDuration = TimeSpan.FromSeconds(15);
            o.RenewInterval = TimeSpan.FromSeconds(3);
        });
        var singleton = host.Services.GetRequiredService<BlobLeaseSingleton>();
        await using var held = await singleton.TryAcquireAsync("held", Ct);
        Assert.NotNull(held);

        // A holder that crashed: it took the lease (15 s) and will never renew nor release it.
        var creator = await singleton.TryAcquireAsync("crashed", Ct); // creates the blob
        await creator!.DisposeAsync();
        var crashed = new BlobContainerClient(azurite.ConnectionString, container).GetBlobClient(BlobLeaseSingleton.BlobName("crashed")).GetBlobLeaseClient();
        await crashed.AcquireAsync(TimeSpan.FromSeconds(15), cancellationToken: Ct);
        Assert.Null(await singleton.TryAcquireAsync("crashed", Ct));

        await Task.Delay(TimeSpan.FromSeconds(16), Ct);

        Assert.Null(await singleton.TryAcquireAsync("held", Ct));
        Assert.False(held.LeaseLost.IsCancellationRequested);
        await using var takenOver = await singleton.TryAcquireAsync("crashed", Ct);
        Assert.NotNull(takenOver);
    }

    [Theory]
    [InlineData("distdfe/12345678000195/55", "distdfe~002f12345678000195~002f55")]
    [InlineData("lot-assembly_1.x", "lot-assembly_1.x")]
    public void Keys_become_collision_free_blob_names(string key, string expected)
    {
        Assert.Equal(expected, BlobLeaseSingleton.BlobName(key));
    }

    private IHost Instance(string container, Action<BlobLeaseOptions>? configure = null) =>
        RuntimeHost.Build(azurite, s => s.AddBlobLeaseSingleton(o =>
        {
            o.ContainerName = container;
            configure?.Invoke(o);
        }));
}
