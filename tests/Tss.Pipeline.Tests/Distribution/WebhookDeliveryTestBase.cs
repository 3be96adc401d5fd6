using Microsoft.Extensions.Time.Testing;
using Tss.Contracts.Delivery;
using Tss.Testing.Azurite;
using Tss.Testing.Webhooks;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>
/// The set-up shared by the webhook delivery tests: the distribution harness on real Azurite, on a fake clock, with its
/// targets pointed at a real Kestrel receiver that checks the signature with the tenant's secret.
/// </summary>
public abstract class WebhookDeliveryTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private protected DistributionHarness H { get; private set; } = null!;

    private protected WebhookReceiver Receiver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        H = await DistributionHarness.StartAsync(azurite, Time);
        Receiver = await WebhookReceiver.StartAsync("s3cr3t-of-the-tenant");
        H.Targets.Targets = new DistributionTargets(Receiver.Url, Receiver.Secret, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await H.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
