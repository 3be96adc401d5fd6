using Microsoft.DurableTask;
using Tss.Pipeline.Lots;

namespace Tss.Orchestrations.Lots;

/// <summary>Records a lot's fault or stuck state on its lot row and open documents (<see cref="LotSteps.MarkAttentionAsync"/>).</summary>
public sealed class MarkLotAttentionActivity(LotSteps steps) : TaskActivity<LotAttentionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, LotAttentionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await steps.MarkAttentionAsync(input.Partition, input.LotId, input.Error, input.Stuck, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
