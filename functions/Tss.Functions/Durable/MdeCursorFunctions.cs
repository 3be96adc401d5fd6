using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tss.Mde.Sync;
using Tss.Orchestrations.Mde;

namespace Tss.Functions.Durable;

/// <summary>The MD-e cursor orchestration (<see cref="MdeCursorOrchestrator"/>, eternal) and its pass, as Durable Functions.</summary>
public sealed class MdeCursorFunctions(BoundDurableClient bound)
{
    [Function(nameof(MdeCursorOrchestrator))]
    public static Task<string> RunMdeCursor([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MdeCursorOrchestrator().RunAsync(context, context.GetInput<MdeCursorCycle>()!);
    }

    [Function(nameof(MdeSyncPassActivity))]
    public Task<MdePassOutcome> MdeSyncPass([ActivityTrigger] MdePassInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<MdeSyncPassActivity, MdePassInput, MdePassOutcome>(context, input);
    }
}
