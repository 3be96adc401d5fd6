using Tss.Contracts.Delivery;

namespace Tss.Mde.Notifications;

/// <summary>The <see cref="IDeliveryDispatcher"/> of a host without the pipeline's distribution: refuses, so the notify
/// message fails and is redelivered instead of a notification being lost silently.</summary>
internal sealed class MissingDeliveryDispatcher : IDeliveryDispatcher
{
    public Task<bool> DispatchAsync(DeliveryType type, string partition, IReadOnlyList<string> keys, CancellationToken ct) =>
        throw new InvalidOperationException(
            "MD-e notifications need the delivery pipeline: call services.AddTssDistribution(configuration) (Tss.Pipeline) or AddTssPipeline.");
}
