namespace Tss.Pipeline.Messages;

/// <summary>
/// Cut lots from the pending documents of a partition — or, with <see cref="SyncKey"/>, the delayed safety net of one
/// document sent synchronously within its request: finish it if that request died (see <c>SyncEmission.RecoverAsync</c>),
/// touching no other document of the partition.
/// </summary>
public sealed record AssembleMessage(string Partition, string? SyncKey = null);
