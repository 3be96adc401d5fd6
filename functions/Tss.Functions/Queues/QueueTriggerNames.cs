using Tss.Mde;
using Tss.Pipeline;
using Tss.Pipeline.Events;

namespace Tss.Functions.Queues;

/// <summary>
/// The queues the local host listens to, by their default names: a trigger's queue name is fixed when the app is
/// indexed, so these are literal and <see cref="Check"/> refuses a configuration that names other queues.
/// </summary>
public static class QueueTriggerNames
{
    public const string Assemble = "tss-assemble";
    public const string Distribute = "tss-distribute";
    public const string Events = "tss-events";
    public const string MdeNotify = "mde-notify";
    public const string MdeCiencia = "mde-ciencia";

    /// <summary>Low-balance notices of the credits (a fixed name on the local host too).</summary>
    public const string CreditsNotify = Tss.Tenancy.Credits.CreditOptions.NotifyQueue;

    /// <summary>The configured queue names that differ from the triggers' ones ("section:key=value"), none when all match.</summary>
    public static IReadOnlyList<string> Check(PipelineOptions pipeline, EventsOptions events, MdeOptions mde)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mde);
        var configured = new (string Key, string Value, string Expected)[]
        {
            ($"{PipelineOptions.Section}:{nameof(PipelineOptions.AssembleQueue)}", pipeline.AssembleQueue, Assemble),
            ($"{PipelineOptions.Section}:{nameof(PipelineOptions.DistributeQueue)}", pipeline.DistributeQueue, Distribute),
            ($"{EventsOptions.Section}:{nameof(EventsOptions.Queue)}", events.Queue, Events),
            ($"{MdeOptions.Section}:{nameof(MdeOptions.NotifyQueue)}", mde.NotifyQueue, MdeNotify),
            ($"{MdeOptions.Section}:{nameof(MdeOptions.CienciaQueue)}", mde.CienciaQueue, MdeCiencia),
        };
        return configured.Where(c => c.Value != c.Expected).Select(c => $"{c.Key}={c.Value} (the trigger listens to {c.Expected})").ToList();
    }
}
