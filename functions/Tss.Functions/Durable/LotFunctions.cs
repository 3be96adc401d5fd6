using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;

namespace Tss.Functions.Durable;

/// <summary>The lot orchestration (<see cref="LotOrchestrator"/>) and its activities, as Durable Functions.</summary>
public sealed class LotFunctions(BoundDurableClient bound)
{
    [Function(nameof(LotOrchestrator))]
    public static Task<LotResult> RunLot([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new LotOrchestrator().RunAsync(context, context.GetInput<LotInput>()!);
    }

    [Function(nameof(SendLotActivity))]
    public Task<LotStep> SendLot([ActivityTrigger] LotStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<SendLotActivity, LotStepInput, LotStep>(context, input);
    }

    [Function(nameof(PollReceiptActivity))]
    public Task<LotStep> PollReceipt([ActivityTrigger] LotStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<PollReceiptActivity, LotStepInput, LotStep>(context, input);
    }

    [Function(nameof(ConsultKeysActivity))]
    public Task<LotStep> ConsultKeys([ActivityTrigger] LotStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<ConsultKeysActivity, LotStepInput, LotStep>(context, input);
    }

    [Function(nameof(DistributeLotActivity))]
    public Task<int> DistributeLot([ActivityTrigger] LotStepInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<DistributeLotActivity, LotStepInput, int>(context, input);
    }

    [Function(nameof(MarkLotAttentionActivity))]
    public Task<bool> MarkLotAttention([ActivityTrigger] LotAttentionInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        bound.Bind(client);
        return FunctionsActivityContext.RunAsync<MarkLotAttentionActivity, LotAttentionInput, bool>(context, input);
    }
}
