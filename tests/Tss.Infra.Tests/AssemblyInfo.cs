using Tss.Infra.Tests.Support;

// One build and two snapshots of infra/main.bicep for the whole assembly (each CLI run takes seconds).
[assembly: AssemblyFixture(typeof(DeploymentFixture))]
