using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Runtime.Queues;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;

namespace Tss.Runtime.Tests.Support;

/// <summary>Builds real hosts (the same registration the product uses) pointed at the test Azurite.</summary>
public static class RuntimeHost
{
    public static IHost Build(AzuriteFixture azurite, Action<IServiceCollection> configure, TimeSpan? shutdownTimeout = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(30));
        configure(builder.Services);
        builder.Services.AddTssStorage(o => o.ConnectionString = azurite.ConnectionString);
        return builder.Build();
    }

    /// <summary>A started host whose queue listener runs <paramref name="handle"/> for every message of <paramref name="queueName"/>.</summary>
    public static async Task<IHost> StartListenerAsync(
        AzuriteFixture azurite,
        string queueName,
        Func<TestMessage, QueueMessageContext, CancellationToken, Task> handle,
        Action<QueueListenerOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        TimeSpan? shutdownTimeout = null)
    {
        var host = Build(azurite, s =>
        {
            services?.Invoke(s);
            s.AddSingleton(new HandlerProbe(handle));
            s.AddQueueHandler<TestMessage, ProbeHandler>(queueName, o =>
            {
                // Tests run fast: short idle back-off, short leases.
                o.IdleBackoffMin = TimeSpan.FromMilliseconds(50);
                o.IdleBackoffMax = TimeSpan.FromMilliseconds(250);
                configure?.Invoke(o);
            });
        }, shutdownTimeout);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls an asynchronous condition until true; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
