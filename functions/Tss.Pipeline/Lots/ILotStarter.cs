namespace Tss.Pipeline.Lots;

/// <summary>
/// Starts the durable run of an assembled lot (send → wait → poll → outcomes → distribution). Starting the same lot
/// twice is a no-op, so the assembler may call it again for a lot whose start it cannot confirm.
/// </summary>
public interface ILotStarter
{
    /// <summary>Starts lot <paramref name="lotId"/> of <paramref name="partition"/> unless it is already started.</summary>
    Task StartAsync(string partition, string lotId, CancellationToken ct);
}
