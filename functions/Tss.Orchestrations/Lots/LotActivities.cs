using Microsoft.DurableTask;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>Sends the lot (NFeAutorizacao4), write-ahead: see <see cref="LotSteps.SendAsync"/>.</summary>
public sealed class SendLotActivity(LotSteps steps) : TaskActivity<LotStepInput, LotStep>
{
    public override Task<LotStep> RunAsync(TaskActivityContext context, LotStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.SendAsync(input.Partition, input.LotId, input.State, CancellationToken.None);
    }
}

/// <summary>Queries the lot's receipt (NFeRetAutorizacao4) and records the outcomes of a 104.</summary>
public sealed class PollReceiptActivity(LotSteps steps) : TaskActivity<LotStepInput, LotStep>
{
    public override Task<LotStep> RunAsync(TaskActivityContext context, LotStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.PollAsync(input.Partition, input.LotId, input.State!, CancellationToken.None);
    }
}

/// <summary>Consults the lot's open documents by key (NFeConsultaProtocolo4) and records their outcomes.</summary>
public sealed class ConsultKeysActivity(LotSteps steps) : TaskActivity<LotStepInput, LotStep>
{
    public override Task<LotStep> RunAsync(TaskActivityContext context, LotStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.ConsultAsync(input.Partition, input.LotId, input.State!, CancellationToken.None);
    }
}

/// <summary>Hands the closed lot's documents to distribution (webhook, e-mail, status for polling).</summary>
public sealed class DistributeLotActivity(LotSteps steps) : TaskActivity<LotStepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, LotStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await steps.DistributeAsync(input.Partition, input.State!, CancellationToken.None).ConfigureAwait(false);
        return input.State!.Keys.Count - input.State.Requeued.Count;
    }
}
