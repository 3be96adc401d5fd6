using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tss.Orchestrations.Lots;
using Tss.Testing.Durable;
using static Tss.Orchestrations.Tests.Lots.ScriptedSefaz;

namespace Tss.Orchestrations.Tests.Lots;

public sealed class DurableLotStarterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Instance_id_is_derived_from_the_lot_and_holds_no_character_the_storage_backend_refuses()
    {
        var id = DurableLotStarter.InstanceIdFor("tenant/1|11222333000181|2612", "lot|26120212000001");

        Assert.Equal("lot:tenant%2F1%7C11222333000181%7C2612:lot%7C26120212000001", id);
        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.NotEqual(DurableLotStarter.InstanceIdFor("a:b", "c"), DurableLotStarter.InstanceIdFor("a", "b:c"));
    }

    [Fact]
    public async Task Starting_the_same_lot_twice_runs_it_once()
    {
        var sefaz = new ScriptedSefaz()
            .OnSend(Accepted(tMed: 0))
            .OnPoll(Receipt(104, Prot(K1, 100), Prot(K2, 100)));
        await using var host = await TestDurableHost.StartAsync(sefaz.Register, Ct);
        var starter = new DurableLotStarter(host.Client, Microsoft.Extensions.Options.Options.Create(new LotRecoveryOptions()), NullLogger<DurableLotStarter>.Instance);

        await starter.StartAsync("t1|11222333000181|2612", "lot|42", Ct);
        await starter.StartAsync("t1|11222333000181|2612", "lot|42", Ct);
        var id = DurableLotStarter.InstanceIdFor("t1|11222333000181|2612", "lot|42");
        var done = await host.Client.WaitForInstanceCompletionAsync(id, Ct);
        await starter.StartAsync("t1|11222333000181|2612", "lot|42", Ct); // after completion too
        await Task.Delay(500, Ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, sefaz.Count(Pipeline.Lots.LotAction.Send));
        Assert.Single(sefaz.Distributed);
    }

    [Fact]
    public void Registration_adds_the_starter_and_the_lot_tasks()
    {
        var services = new ServiceCollection();
        services.AddTssLotOrchestration();

        Assert.Contains(services, d => d.ServiceType == typeof(Pipeline.Lots.ILotStarter) && d.ImplementationType == typeof(DurableLotStarter));
        Assert.Single(services, d => d.ServiceType == typeof(DurableTaskRegistration));
    }
}
