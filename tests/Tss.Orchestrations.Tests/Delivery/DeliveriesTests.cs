using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Protocol.Time;

namespace Tss.Orchestrations.Tests.Delivery;

public sealed class DeliveriesTests
{
    private static DeliveryRequest Request(string partition, string deliveryId, DeliveryChannel channel = DeliveryChannel.Webhook) =>
        new(DeliveryType.MdeDocument, partition, deliveryId, channel, ["42"]);

    [Fact]
    public void Instance_id_is_deterministic_per_delivery_and_channel()
    {
        var webhook = Deliveries.InstanceId(Request("t1|11222333000181", "mde-11222333000181-42"));

        Assert.Equal(webhook, Deliveries.InstanceId(Request("t1|11222333000181", "mde-11222333000181-42")));
        Assert.StartsWith("delivery-w-mde-11222333000181-42-", webhook, StringComparison.Ordinal);
        Assert.NotEqual(webhook, Deliveries.InstanceId(Request("t1|11222333000181", "mde-11222333000181-42", DeliveryChannel.Email)));
        // Twin tenants of one CNPJ get the same MD-e delivery id but separate retries.
        Assert.NotEqual(webhook, Deliveries.InstanceId(Request("t2|11222333000181", "mde-11222333000181-42")));
    }

    [Fact]
    public void Delivery_id_with_characters_a_task_hub_refuses_is_hashed()
    {
        var id = Deliveries.InstanceId(Request("t1|x", "a/b#c?d"));

        Assert.Matches("^delivery-w-h[0-9a-f]{16}-[0-9a-f]{8}$", id);
    }

    [Fact]
    public void Timer_runs_the_pipeline_clock_wait_in_real_time_divided_by_the_scale()
    {
        var scaled = new ScaledTimeProvider(DateTimeOffset.UtcNow, 600);
        var before = DateTime.UtcNow;

        var at = Deliveries.RealTime(scaled.GetUtcNow() + TimeSpan.FromMinutes(10), scaled); // 600 s on the clock = 1 s

        Assert.InRange(at - before, TimeSpan.FromMilliseconds(990), TimeSpan.FromMilliseconds(1500));
        Assert.InRange(Deliveries.RealTime(DateTimeOffset.UtcNow.AddHours(1), TimeProvider.System) - before, TimeSpan.FromMinutes(59.9), TimeSpan.FromMinutes(60.1));
        Assert.InRange(Deliveries.RealTime(DateTimeOffset.UtcNow.AddHours(-1), TimeProvider.System) - before, TimeSpan.Zero, TimeSpan.FromSeconds(1)); // overdue: now
    }
}
