using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations.Delivery;

/// <summary>
/// The retries of one delivery (one channel of it): durable timer until the next attempt is due → one attempt
/// (<see cref="DeliverActivity"/>) → again while it is retrying. Started only after a first attempt failed retryably
/// (<see cref="Deliveries.RetryLaterAsync"/>); the schedule (Distribution:RetrySchedule) and the decision stay in the
/// pure RetryPlan, which every attempt applies: it ends the delivery on success, on a permanent failure and when the
/// schedule runs out (GivenUp).
/// </summary>
public sealed class DeliveryOrchestrator : TaskOrchestrator<DeliveryRetry, DeliveryState>
{
    /// <summary>Bound on timer → attempt rounds (the default schedule makes five); a guard, not a policy.</summary>
    public const int MaxRounds = 32;

    /// <summary>An activity that throws (storage unavailable) is run again before the orchestration fails.</summary>
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<DeliveryState> RunAsync(TaskOrchestrationContext context, DeliveryRetry input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger<DeliveryOrchestrator>();
        var attempt = input.Attempt;
        var timerAt = input.TimerAt;
        for (var round = 0; round < MaxRounds; round++)
        {
            await context.CreateTimer(DateTime.SpecifyKind(timerAt, DateTimeKind.Utc), CancellationToken.None);
            var step = await context.CallActivityAsync<DeliveryStep>(nameof(DeliverActivity), new DeliverInput(input.Request, attempt + 1), ActivityRetry);
            if (step.State != DeliveryState.Retrying || step.TimerAt is not { } next)
            {
                Log.DeliveryFinished(log, input.Request.DeliveryId, input.Request.Channel, step.State, step.Attempt);
                return step.State;
            }
            attempt = step.Attempt;
            timerAt = next;
        }
        Log.DeliveryRoundsExhausted(log, input.Request.DeliveryId, input.Request.Channel, MaxRounds);
        return DeliveryState.GivenUp;
    }
}
