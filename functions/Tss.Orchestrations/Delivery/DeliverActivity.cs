using Microsoft.DurableTask;
using Tss.Pipeline.Distribution;

namespace Tss.Orchestrations.Delivery;

/// <summary>Input of <see cref="DeliverActivity"/>: the delivery (ids only) and the number of this attempt.</summary>
public sealed record DeliverInput(DeliveryRequest Request, int Attempt);

/// <summary>
/// One attempt of a delivery, recorded where its kind records attempts (the delivery log for NF-e outcomes and events,
/// exactly as the first attempt). At least once like every activity: an NF-e attempt run again after it was recorded
/// finds its row not due and sends nothing; receivers de-duplicate on the delivery id in any case.
/// </summary>
public sealed class DeliverActivity(DeliveryAttempts attempts) : TaskActivity<DeliverInput, DeliveryStep>
{
    public override Task<DeliveryStep> RunAsync(TaskActivityContext context, DeliverInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return attempts.AttemptAsync(input.Request, input.Attempt, CancellationToken.None);
    }
}
