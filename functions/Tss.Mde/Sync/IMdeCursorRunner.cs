namespace Tss.Mde.Sync;

/// <summary>A "sync now" asked of a cursor's orchestration: answered on the cursor row under <paramref name="RequestId"/>;
/// the pass uses the certificate of <paramref name="TenantId"/>'s entity (it proved the CNPJ).</summary>
public sealed record MdeSyncRequest(string RequestId, string TenantId);

/// <summary>
/// What runs the periodic sync of each cursor (one eternal orchestration per CNPJ, model and tpAmb on the Durable
/// engine; <see cref="NoMdeCursorRunner"/> where there is none). Starting is idempotent: an instance already running is
/// left alone.
/// </summary>
public interface IMdeCursorRunner
{
    /// <summary>Starts the cursor's orchestration unless it is already running.</summary>
    Task EnsureRunningAsync(string cnpj, int model, int tpAmb, CancellationToken ct);

    /// <summary>Asks the cursor's orchestration (started if needed) for a pass now; false when there is no orchestration
    /// to ask (the caller then runs the pass itself).</summary>
    Task<bool> RequestSyncAsync(string cnpj, int model, int tpAmb, MdeSyncRequest request, CancellationToken ct);
}

/// <summary>No periodic sync (tools, service-level tests): nothing is started, a "sync now" runs in the caller.</summary>
public sealed class NoMdeCursorRunner : IMdeCursorRunner
{
    public Task EnsureRunningAsync(string cnpj, int model, int tpAmb, CancellationToken ct) => Task.CompletedTask;

    public Task<bool> RequestSyncAsync(string cnpj, int model, int tpAmb, MdeSyncRequest request, CancellationToken ct) => Task.FromResult(false);
}
