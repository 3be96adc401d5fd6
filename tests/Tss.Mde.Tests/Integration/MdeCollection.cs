namespace Tss.Mde.Tests.Integration;

/// <summary>One Azurite, one simulator and two MD-e instances for all integration tests (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MdeCollection : ICollectionFixture<MdeEnvironment>
{
    public const string Name = "mde";
}
