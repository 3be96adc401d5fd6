namespace Tss.Runtime.Tables;

/// <summary>Outcome of <see cref="TableOperations.UpdateWithRetryAsync{T}"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Entity">The entity as stored afterwards (with its new ETag); null when not found.</param>
/// <param name="Attempts">Reads made (1 without conflicts; each 412 adds one).</param>
public sealed record TableUpdateResult<T>(TableUpdateStatus Status, T? Entity, int Attempts)
    where T : class;
