using Microsoft.DurableTask;

namespace Tss.Orchestrations;

/// <summary>
/// One feature's orchestrators and activities. Features add theirs with
/// <see cref="DurableTaskServiceCollectionExtensions.AddDurableTasks"/>; whatever hosts the worker (the local host's
/// sidecar worker, the in-memory test host) applies every registration to its <see cref="DurableTaskRegistry"/>.
/// </summary>
public sealed record DurableTaskRegistration(Action<DurableTaskRegistry> Apply);
