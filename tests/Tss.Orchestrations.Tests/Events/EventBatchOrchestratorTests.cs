using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tss.Contracts.Documents;
using Tss.Orchestrations.Events;
using Tss.Pipeline;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Events;
using Tss.Protocol.AccessKeys;
using Tss.Testing.Azurite;

namespace Tss.Orchestrations.Tests.Events;

/// <summary>
/// The event batch orchestration end to end on the in-memory Durable engine with the product's activities, real
/// Azurite and the simulator: cut → send (write-ahead) → outcome → reconcile or durable wait → distribute → next cut.
/// </summary>
public sealed class EventBatchOrchestratorTests : IAsyncLifetime
{
    private const string Cancel = "110111";
    private const string Cce = "110110";
    private readonly AzuriteFixture _azurite = new();
    private EventBatchHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        try
        {
            _h = await EventBatchHarness.StartAsync(_azurite);
        }
        catch
        {
            await _azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _h.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private async Task CancelAllAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await _h.Get<EventRequestService>().CancelAsync(EventBatchHarness.Entity, key, "Pedido cancelado pelo cliente antes da saida", Ct);
        }
        await _h.TakeEventMessagesAsync(); // the requests' own messages: the test cuts itself
    }

    [Fact]
    public async Task Batch_is_sent_once_recorded_and_its_events_distributed()
    {
        var keys = await _h.AuthorizedAsync(401, 2);
        var partition = EventBatchHarness.PartitionOf(keys[0]);
        await CancelAllAsync(keys);

        await _h.CutAsync(partition);
        var batch = Assert.Single(await _h.BatchesAsync(partition));
        var result = await _h.CompletedAsync(partition, batch);

        Assert.Equal(new EventBatchResult(batch, Sends: 1, Reconciliations: 0, Distributed: 2, MoreQueued: false), result);
        Assert.Equal(1, await _h.ExchangesAsync("envEvento"));
        foreach (var key in keys)
        {
            var e = await _h.EventAsync(key, Cancel, 1);
            Assert.Equal((nameof(EventStatus.Registered), 135, true), (e.Status, e.cStat, e.Distributed));
            Assert.Equal(nameof(DocumentStatus.Cancelled), (await _h.Documents.GetEntityAsync<DocumentRecord>(partition, key, cancellationToken: Ct)).Value.Status);
        }
        var distribute = _h.Get<Tss.Runtime.Storage.StorageClients>().GetQueue(_h.Pipeline.DistributeQueue);
        var handed = (await distribute.PeekMessagesAsync(32, Ct)).Value.Select(m => m.Body.ToString()).Where(b => b.Contains("evt|", StringComparison.Ordinal)).ToList();
        Assert.Single(handed); // one hand-over for the batch (the lot's own is the other message)
        Assert.All(keys, k => Assert.Contains(EventRecord.RowFor(AccessKey.Parse(k), Cancel, 1), handed[0], StringComparison.Ordinal));
        Assert.Equal(0, await _h.TakeEventMessagesAsync());
    }

    [Fact]
    public async Task Batch_answered_108_is_sent_again_after_a_durable_timer_and_registered()
    {
        var keys = await _h.AuthorizedAsync(411);
        var partition = EventBatchHarness.PartitionOf(keys[0]);
        await CancelAllAsync(keys);
        await _h.FaultAsync("""{"kind":"Paralysis","cStat":108,"count":1,"service":"envEvento"}""");

        var started = TimeProvider.System.GetTimestamp();
        await _h.CutAsync(partition);
        var result = await _h.CompletedAsync(partition, Assert.Single(await _h.BatchesAsync(partition)));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.Equal(2, result.Sends);
        Assert.Equal(0, result.Reconciliations);
        Assert.Equal(2, await _h.ExchangesAsync("envEvento"));
        Assert.True(elapsed >= EventBatchHarness.RetryDelay, $"resent after {elapsed.TotalMilliseconds} ms");
        var e = await _h.EventAsync(keys[0], Cancel, 1);
        Assert.Equal((nameof(EventStatus.Registered), 135, 2), (e.Status, e.cStat, e.SendAttempts));
    }

    [Fact]
    public async Task Unknown_outcome_is_reconciled_by_consultation_and_the_simulator_sees_one_send()
    {
        var keys = await _h.AuthorizedAsync(421);
        var partition = EventBatchHarness.PartitionOf(keys[0]);
        await CancelAllAsync(keys);
        await _h.FaultAsync("""{"kind":"HttpError","phase":"After","statusCode":502,"count":1,"service":"envEvento"}""");

        await _h.CutAsync(partition);
        var result = await _h.CompletedAsync(partition, Assert.Single(await _h.BatchesAsync(partition)));

        Assert.Equal((1, 1), (result.Sends, result.Reconciliations));
        Assert.Equal(1, await _h.ExchangesAsync("envEvento"));
        Assert.True(await _h.ExchangesAsync("consSitNFe") >= 1);
        var e = await _h.EventAsync(keys[0], Cancel, 1);
        Assert.Equal((nameof(EventStatus.Registered), 135), (e.Status, e.cStat));
        Assert.True(Tss.Protocol.Schemas.NfeSchemas.Shared.Validate((await _h.Get<EventQueries>().GetProcEventoAsync(e, Ct))!).IsValid);
    }

    [Fact]
    public async Task Twenty_one_events_of_one_partition_are_cut_into_two_batches()
    {
        var keys = await _h.AuthorizedAsync(431, 21);
        var partition = EventBatchHarness.PartitionOf(keys[0]);
        await CancelAllAsync(keys);

        await _h.CutAsync(partition);
        var batches = await _h.BatchesAsync(partition);
        var results = new List<EventBatchResult>();
        foreach (var batch in batches)
        {
            results.Add(await _h.CompletedAsync(partition, batch));
        }

        Assert.Equal(2, batches.Count);
        Assert.Equal([1, 20], results.Select(r => r.Distributed).Order());
        Assert.All(results, r => Assert.Equal(1, r.Sends));
        Assert.Equal(2, await _h.ExchangesAsync("envEvento"));
        Assert.All(await _h.EventsAsync(partition), e => Assert.Equal(nameof(EventStatus.Registered), e.Status));
    }

    [Fact]
    public async Task Two_events_of_one_document_go_in_two_batches_in_sequence_order()
    {
        var key = (await _h.AuthorizedAsync(461))[0];
        var partition = EventBatchHarness.PartitionOf(key);
        var requests = _h.Get<EventRequestService>();
        await requests.CorrectAsync(EventBatchHarness.Entity, key, "Corrige o endereco de entrega para Rua A, 100", Ct);
        await requests.CorrectAsync(EventBatchHarness.Entity, key, "Corrige o volume transportado para 3 caixas", Ct);
        await _h.TakeEventMessagesAsync();

        await _h.CutAsync(partition);
        var first = Assert.Single(await _h.BatchesAsync(partition));
        var firstResult = await _h.CompletedAsync(partition, first);
        var secondWaiting = await _h.EventAsync(key, Cce, 2);

        Assert.Equal((1, true), (firstResult.Distributed, firstResult.MoreQueued));
        Assert.Equal(first, (await _h.EventAsync(key, Cce, 1)).BatchId);
        Assert.Equal((nameof(EventStatus.Pending), null), (secondWaiting.Status, secondWaiting.BatchId));
        Assert.Equal(1, await _h.TakeEventMessagesAsync()); // the batch asked for the next cut

        await _h.CutAsync(partition); // as the listener does with that message
        var second = Assert.Single(await _h.BatchesAsync(partition), b => b != first);
        await _h.CompletedAsync(partition, second);

        var one = await _h.EventAsync(key, Cce, 1);
        var two = await _h.EventAsync(key, Cce, 2);
        Assert.Equal((nameof(EventStatus.Registered), nameof(EventStatus.Registered)), (one.Status, two.Status));
        Assert.Equal(second, two.BatchId);
        Assert.Equal(2, await _h.ExchangesAsync("envEvento"));
    }

    [Fact]
    public async Task Send_activity_that_runs_again_after_reaching_sefaz_does_not_send_twice()
    {
        var key = (await _h.AuthorizedAsync(471))[0];
        var partition = EventBatchHarness.PartitionOf(key);
        await CancelAllAsync([key]);
        var starter = new RecordingEventBatchStarter();
        var cutter = new EventBatchCutter(_h.Get<TableServiceClient>(), starter, _h.Get<IOptions<PipelineOptions>>(), _h.Get<IOptions<EventsOptions>>(),
            _h.Time, NullLogger<EventBatchCutter>.Instance);
        await cutter.HandleAsync(new EventMessage(partition), Ct);
        var batchId = Assert.Single(starter.Started).BatchId;

        // The first run of send #1 reaches SEFAZ, then its worker dies before the orchestration hears of it.
        var first = await _h.Get<EventBatchSteps>().SendAsync(partition, batchId, 1, Ct);
        Assert.Equal(EventSendOutcome.Answered, first.Outcome);
        // The orchestration runs send #1 again (and a lost start is repeated: a no-op while it runs).
        var durable = new DurableEventBatchStarter(_h.Get<DurableTaskClient>(), NullLogger<DurableEventBatchStarter>.Instance);
        await durable.StartAsync(partition, batchId, Ct);
        await durable.StartAsync(partition, batchId, Ct);
        var result = await _h.CompletedAsync(partition, batchId);

        Assert.Equal((1, 1), (result.Sends, result.Reconciliations));
        Assert.Equal(1, await _h.ExchangesAsync("envEvento"));
        var e = await _h.EventAsync(key, Cancel, 1);
        Assert.Equal((nameof(EventStatus.Registered), 135, 1), (e.Status, e.cStat, e.SendAttempts));
    }

    [Fact]
    public void Instance_id_is_derived_from_the_partition_and_the_batch_and_holds_no_character_the_backend_refuses()
    {
        var id = DurableEventBatchStarter.InstanceIdFor("tenant/1|11222333000181|2612", "20261202120000000-abc");

        Assert.Equal("evb:tenant%2F1%7C11222333000181%7C2612:20261202120000000-abc", id);
        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    private sealed class RecordingEventBatchStarter : IEventBatchStarter
    {
        public List<(string Partition, string BatchId)> Started { get; } = [];

        public Task StartAsync(string partition, string batchId, CancellationToken ct)
        {
            Started.Add((partition, batchId));
            return Task.CompletedTask;
        }
    }
}
