using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tss.Orchestrations.Epec;
using Tss.Pipeline.Epec;

namespace Tss.Functions.Durable;

/// <summary>The EPEC orchestration (<see cref="EpecOrchestrator"/>) and its activity, as Durable Functions.</summary>
public sealed class EpecFunctions(BoundDurableClient bound)
{
    [Function(nameof(EpecOrchestrator))]
    public static Task<string> RunEpec([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EpecOrchestrator().RunAsync(context, context.GetInput<EpecInput>()!);
    }

    [Function(nameof(RegisterEpecActivity))]
    public Task<EpecStep> RegisterEpec([ActivityTrigger] EpecInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<RegisterEpecActivity, EpecInput, EpecStep>(context, input);
    }
}
