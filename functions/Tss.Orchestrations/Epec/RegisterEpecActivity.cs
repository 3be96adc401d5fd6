using Microsoft.DurableTask;
using Tss.Pipeline.Epec;

namespace Tss.Orchestrations.Epec;

/// <summary>One attempt to register a document's EPEC at the Ambiente Nacional: see <see cref="EpecSteps.RegisterAsync"/>.</summary>
public sealed class RegisterEpecActivity(EpecSteps steps) : TaskActivity<EpecInput, EpecStep>
{
    public override Task<EpecStep> RunAsync(TaskActivityContext context, EpecInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.RegisterAsync(input.Partition, input.ChNFe, CancellationToken.None);
    }
}
