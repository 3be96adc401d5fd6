using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Contracts.Entities;
using Tss.Pipeline.Hosting;
using Tss.Pipeline.Ingest;
using Tss.Pipeline.Lots;

namespace Tss.Pipeline.Tests.Hosting;

public class PipelineRegistrationTests
{
    [Fact]
    public void Pipeline_registers_its_stages_and_one_listener_per_stage_queue_and_no_lot_queues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Pipeline:AssembleQueue"] = "custom-assemble",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IEntityDirectory, NoEntities>();
        services.AddSingleton<ILotStarter, Tss.Testing.Lots.RecordingLotStarter>(); // the host's lot orchestration
        services.AddTssPipeline(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IngestService>());
        Assert.NotNull(provider.GetRequiredService<LotSteps>());
        Assert.NotNull(provider.GetRequiredService<Tss.Pipeline.Events.EventBatchCutter>());
        Assert.NotNull(provider.GetRequiredService<Tss.Pipeline.Events.EventBatchSteps>());
        Assert.IsType<Tss.Pipeline.Consultations.TableStatusCacheStore>(provider.GetRequiredService<Tss.Sefaz.Client.Status.IStatusCacheStore>());
        Assert.Equal(4, provider.GetServices<IHostedService>().Count()); // assemble, distribute, events listeners and the contingency probe (lots run on Durable)
        using var scope = provider.CreateScope();
        Assert.IsType<AssembleHandler>(scope.ServiceProvider.GetRequiredKeyedService<Runtime.Queues.IQueueHandler<Messages.AssembleMessage>>("custom-assemble"));
    }

    private sealed class NoEntities : IEntityDirectory
    {
        public Task<EntityInfo?> FindAsync(string tenantId, string cnpj, CancellationToken ct) => Task.FromResult<EntityInfo?>(null);

        public Task<X509Certificate2> GetCertificateAsync(EntityInfo entity, CancellationToken ct) => throw new InvalidOperationException();
    }
}
