using Microsoft.DurableTask;
using Tss.Mde.Sync;

namespace Tss.Orchestrations.Mde;

/// <summary>One pass of a cursor (<see cref="MdeCursorPass"/>). At least once like every activity: a pass run again after
/// its process died finds its own in-flight marker (the owner is the instance id) and continues from the stored ultNSU.</summary>
public sealed class MdeSyncPassActivity(MdeCursorPass pass) : TaskActivity<MdePassInput, MdePassOutcome>
{
    public override Task<MdePassOutcome> RunAsync(TaskActivityContext context, MdePassInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return pass.RunAsync(input, CancellationToken.None);
    }
}
