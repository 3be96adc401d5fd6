using Tss.Testing.Azurite;

// One Azurite for the whole assembly; tests isolate themselves with unique queue, table and container names.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
