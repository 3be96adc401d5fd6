using Microsoft.DurableTask;
using Tss.Pipeline.Epec;

namespace Tss.Orchestrations.Epec;

/// <summary>
/// The EPEC of one tpEmis 4 NF-e, until the Ambiente Nacional answers it: each attempt is one activity
/// (<see cref="RegisterEpecActivity"/>, write-ahead, see <see cref="EpecSteps"/>); a transport failure, an unknown outcome
/// or a 108/109 waits on a durable timer and tries again, so the registration survives restarts. Deterministic.
/// </summary>
public sealed class EpecOrchestrator : TaskOrchestrator<EpecInput, string>
{
    /// <summary>Storage failures inside the activity are retried; SEFAZ answers and transport failures are not failures.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, EpecInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var step = await context.CallActivityAsync<EpecStep>(nameof(RegisterEpecActivity), input, Retry);
        while (!step.Done)
        {
            if (step.Delay > TimeSpan.Zero)
            {
                await context.CreateTimer(context.CurrentUtcDateTime + step.Delay, CancellationToken.None);
            }
            step = await context.CallActivityAsync<EpecStep>(nameof(RegisterEpecActivity), input, Retry);
        }
        return step.Outcome ?? "done";
    }
}
