using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Tss.Orchestrations.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Every_feature_registration_is_applied_to_the_worker_registry()
    {
        var services = new ServiceCollection();
        var applied = new List<string>();
        services.AddDurableTasks(_ => applied.Add("lots"));
        services.AddDurableTasks(_ => applied.Add("mde"));
        using var provider = services.BuildServiceProvider();

        provider.ApplyDurableTasks(new DurableTaskRegistry());

        Assert.Equal(["lots", "mde"], applied);
    }
}
