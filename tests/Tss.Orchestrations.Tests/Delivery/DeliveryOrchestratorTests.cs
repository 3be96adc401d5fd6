using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tss.Contracts.Delivery;
using Tss.Orchestrations.Delivery;
using Tss.Pipeline.Distribution;
using Tss.Protocol.Time;
using Tss.Testing.Durable;

namespace Tss.Orchestrations.Tests.Delivery;

/// <summary>
/// The delivery orchestration on the in-memory Durable test host, with a scripted deliverer. The pipeline clock runs
/// 600 times fast, so the schedule's 30 s / 60 s / 90 s are real durable timers of 50 / 100 / 150 ms.
/// </summary>
public sealed class DeliveryOrchestratorTests : IAsyncLifetime
{
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90)];
    private readonly ScaledTimeProvider _time = new(DateTimeOffset.UtcNow, 600);
    private DurableTaskTestHost _host = null!;
    private ScriptedDeliverer _deliverer = null!;
    private Deliveries _deliveries = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _deliverer = new ScriptedDeliverer(_time, Schedule);
        _host = await TestDurableHost.StartAsync(
            r => r.AddOrchestrator<DeliveryOrchestrator>().AddActivity<DeliverActivity>(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = s =>
                {
                    s.AddSingleton<TimeProvider>(_time);
                    s.AddSingleton<IDeliverer>(_deliverer);
                    s.AddSingleton<DeliveryAttempts>();
                },
            },
            Ct);
        _deliveries = new Deliveries(new DurableDeliveryRetries(_host.Client, NullLogger<DurableDeliveryRetries>.Instance), _time, NullLogger<Deliveries>.Instance);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private DeliveryRequest Script(string deliveryId, params AttemptResult[] results)
    {
        _deliverer.Scripts[deliveryId] = results;
        return new DeliveryRequest(DeliveryType.NfeOutcome, "tenant1|11222333000181|2611", deliveryId, DeliveryChannel.Webhook, ["35261111222333000181550010000010011123456789"]);
    }

    private async Task<DeliveryState> RetryAndWaitAsync(DeliveryRequest request)
    {
        var firstFailedAt = _time.GetUtcNow();
        await _deliveries.RetryLaterAsync(request, 1, firstFailedAt + Schedule[0], Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var done = await _host.Client.WaitForInstanceCompletionAsync(Deliveries.InstanceId(request), getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<DeliveryState>();
    }

    private List<(string DeliveryId, int Attempt, DateTimeOffset At)> AttemptsOf(DeliveryRequest request) =>
        [.. _deliverer.Attempts.Where(a => a.DeliveryId == request.DeliveryId)];

    [Fact]
    public async Task Failures_are_retried_on_the_schedule_until_success_stops_them()
    {
        var request = Script("d-success", ScriptedDeliverer.Fail, ScriptedDeliverer.Fail, ScriptedDeliverer.Ok, ScriptedDeliverer.Ok);
        var start = _time.GetUtcNow();

        var state = await RetryAndWaitAsync(request);

        Assert.Equal(DeliveryState.Succeeded, state);
        var attempts = AttemptsOf(request);
        Assert.Equal([2, 3, 4], attempts.Select(a => a.Attempt)); // attempt 1 was the queue handler's; nothing after success
        Assert.True(attempts[0].At >= start + Schedule[0], $"attempt 2 at {attempts[0].At - start} after the first");
        Assert.True(attempts[1].At - attempts[0].At >= Schedule[1], $"attempt 3 after {attempts[1].At - attempts[0].At}");
        Assert.True(attempts[2].At - attempts[1].At >= Schedule[2], $"attempt 4 after {attempts[2].At - attempts[1].At}");
    }

    [Fact]
    public async Task Permanent_failure_stops_the_retries()
    {
        var request = Script("d-refused", ScriptedDeliverer.Refused, ScriptedDeliverer.Ok);

        var state = await RetryAndWaitAsync(request);

        Assert.Equal(DeliveryState.GivenUp, state);
        Assert.Equal([2], AttemptsOf(request).Select(a => a.Attempt));
    }

    [Fact]
    public async Task Exhausted_schedule_gives_up()
    {
        var request = Script("d-exhausted", ScriptedDeliverer.Fail);

        var state = await RetryAndWaitAsync(request);

        Assert.Equal(DeliveryState.GivenUp, state);
        Assert.Equal([2, 3, 4], AttemptsOf(request).Select(a => a.Attempt)); // 1 + one per schedule entry
    }

    [Fact]
    public async Task Second_start_of_the_same_delivery_is_a_no_op()
    {
        var request = Script("d-twice", ScriptedDeliverer.Fail, ScriptedDeliverer.Ok);
        var due = _time.GetUtcNow() + Schedule[0];

        await _deliveries.RetryLaterAsync(request, 1, due, Ct);
        await _deliveries.RetryLaterAsync(request, 1, due, Ct); // a redelivered message, a duplicate: no exception, no second instance
        // What the backend answers underneath (ignored by DurableDeliveryRetries): "already exists" while it runs.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => _host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(DeliveryOrchestrator), new DeliveryRetry(request, 1, DateTime.UtcNow),
            new Microsoft.DurableTask.StartOrchestrationOptions(Deliveries.InstanceId(request)).WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running), Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"second start: {refused.GetType().FullName}: {refused.Message}");
        Assert.True(DurableDeliveryRetries.AlreadyExists(refused), refused.ToString());
        var done = await _host.Client.WaitForInstanceCompletionAsync(Deliveries.InstanceId(request), getInputsAndOutputs: true, Ct);

        Assert.Equal(DeliveryState.Succeeded, done.ReadOutputAs<DeliveryState>());
        Assert.Equal([2, 3], AttemptsOf(request).Select(a => a.Attempt));
    }

    [Fact]
    public async Task Input_carries_ids_only()
    {
        var request = Script("d-input", ScriptedDeliverer.Ok);

        await RetryAndWaitAsync(request);

        var meta = await _host.Client.GetInstanceAsync(Deliveries.InstanceId(request), getInputsAndOutputs: true, Ct);
        Assert.NotNull(meta);
        Assert.DoesNotContain("<", meta.SerializedInput, StringComparison.Ordinal);
        Assert.True(meta.SerializedInput!.Length < 400, meta.SerializedInput);
    }
}
