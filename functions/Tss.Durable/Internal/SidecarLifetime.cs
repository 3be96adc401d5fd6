using Microsoft.Extensions.Hosting;

namespace Tss.Durable.Internal;

/// <summary>
/// The lifetime the sidecar's gRPC server sees: it starts its dispatchers on <see cref="ApplicationStarted"/> and stops
/// them on <see cref="ApplicationStopping"/>. Ours, not the Kestrel app's, so the engine decides when each happens.
/// </summary>
internal sealed class SidecarLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource started = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource stopped = new();

    public CancellationToken ApplicationStarted => started.Token;

    public CancellationToken ApplicationStopping => stopping.Token;

    public CancellationToken ApplicationStopped => stopped.Token;

    public void NotifyStarted() => started.Cancel();

    public void StopApplication() => NotifyStopping();

    public void NotifyStopping()
    {
        if (!stopping.IsCancellationRequested)
        {
            stopping.Cancel();
        }
    }

    public void NotifyStopped()
    {
        if (!stopped.IsCancellationRequested)
        {
            stopped.Cancel();
        }
    }

    public void Dispose()
    {
        started.Dispose();
        stopping.Dispose();
        stopped.Dispose();
    }
}
