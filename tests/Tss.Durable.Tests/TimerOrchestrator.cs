using Microsoft.DurableTask;

namespace Tss.Durable.Tests;

/// <summary>Input of <see cref="TimerOrchestrator"/>: the key its activities record and how long its durable timer waits.</summary>
public sealed record TimerInput(string Key, int DelayMs);

/// <summary>An activity, a durable timer, an activity: the shape of a lot (send → wait → poll).</summary>
public sealed class TimerOrchestrator : TaskOrchestrator<TimerInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimerInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var before = await context.CallActivityAsync<string>(nameof(RecordEffectActivity), input.Key + ":before");
        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(input.DelayMs), CancellationToken.None);
        var after = await context.CallActivityAsync<string>(nameof(RecordEffectActivity), input.Key + ":after");
        return before + "|" + after;
    }
}

/// <summary>Records its input on the <see cref="EffectLog"/> it gets from the host's container.</summary>
public sealed class RecordEffectActivity(EffectLog effects) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        effects.Record(input);
        return Task.FromResult("done " + input);
    }
}
