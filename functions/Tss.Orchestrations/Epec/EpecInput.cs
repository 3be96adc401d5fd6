namespace Tss.Orchestrations.Epec;

/// <summary>The document whose EPEC is registered: its partition and access key.</summary>
public sealed record EpecInput(string Partition, string ChNFe);
