namespace Tss.Pipeline.Epec;

/// <summary>Starts the durable registration of one document's EPEC (idempotent per key).</summary>
public interface IEpecStarter
{
    Task StartAsync(string partition, string chNFe, CancellationToken ct);
}
