using Microsoft.Extensions.Logging;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations;

/// <summary>Log messages of the delivery orchestration (event ids 193x).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1930, Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel}) retries ended: {State} after {Attempt} attempts")]
    public static partial void DeliveryFinished(ILogger logger, string deliveryId, DeliveryChannel channel, DeliveryState state, int attempt);

    [LoggerMessage(EventId = 1931, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) still retrying after {Rounds} rounds; given up")]
    public static partial void DeliveryRoundsExhausted(ILogger logger, string deliveryId, DeliveryChannel channel, int rounds);

    [LoggerMessage(EventId = 1932, Level = LogLevel.Debug, Message = "Delivery retries {InstanceId} already running; start ignored")]
    public static partial void AlreadyRunning(ILogger logger, string instanceId);
}
