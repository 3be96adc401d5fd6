namespace Tss.Pipeline.Events;

/// <summary>
/// Starts the durable run of a cut event batch (send → outcome → reconcile/wait → distribute). Starting a batch that
/// is already running is a no-op, so the cutter may start again a batch whose start it cannot confirm.
/// </summary>
public interface IEventBatchStarter
{
    /// <summary>Starts batch <paramref name="batchId"/> of <paramref name="partition"/> unless it is running.</summary>
    Task StartAsync(string partition, string batchId, CancellationToken ct);
}
