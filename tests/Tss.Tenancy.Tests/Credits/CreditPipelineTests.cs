using Azure.Storage.Queues;
using Tss.Contracts.Documents;
using Tss.Pipeline.Credits;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Lots;
using Tss.Pipeline.Messages;
using Tss.Pipeline.Queries;
using Tss.Protocol.AccessKeys;
using Tss.Runtime.Storage;
using Tss.Testing.Azurite;

namespace Tss.Tenancy.Tests.Credits;

/// <summary>Credits in the pipeline: one debit per document send, awaiting credits without sending, wake on top-up, crash safety.</summary>
public sealed class CreditPipelineTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_beyond_the_balance_await_credits_unsent_and_go_on_after_a_top_up()
    {
        await using var h = await CreditPipelineHarness.StartAsync(azurite);
        const int n = 6;
        await h.Ledger.TopUpAsync(h.TenantId, n - 2, "pedido-1", "ops", Ct);
        var keys = await h.IngestAsync(n);
        var partition = CreditPipelineHarness.PartitionOf(h.TenantId, keys[0]);

        await h.AssembleAsync(partition);
        await h.AssembleAsync(partition); // a redelivered assemble message changes nothing
        await h.RunLotsAsync(partition);

        var statuses = await h.StatusesAsync(keys);
        Assert.Equal(n - 2, statuses.Values.Count(s => s == nameof(DocumentStatus.Authorized)));
        var waiting = statuses.Where(s => s.Value == nameof(DocumentStatus.AwaitingCredits)).Select(s => s.Key).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.Equal(keys[^2..].Order(), waiting.Order()); // the earliest documents got the credits
        Assert.Empty((await h.SentKeysAsync()).Intersect(waiting));
        var listed = await h.Get<DocumentQueries>().ListAsync(new DocumentListQuery(h.TenantId, CreditPipelineHarness.Cnpj, DocumentStatus.AwaitingCredits), Ct);
        Assert.Equal(waiting.Order(), listed.Documents.Select(d => d.chNFe).Order());
        Assert.Equal(0, (await h.Ledger.GetBalanceAsync(h.TenantId, Ct)).Balance);

        // The top-up wakes the waiting partition through the assemble queue.
        var assembleQueue = h.Get<StorageClients>().GetQueue(h.Pipeline.AssembleQueue);
        await DrainAsync(assembleQueue);
        await h.Ledger.TopUpAsync(h.TenantId, 10, "pedido-2", "ops", Ct);
        var wake = (await assembleQueue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value;
        Assert.Contains(wake, m => m.MessageText.Contains(partition, StringComparison.Ordinal));

        await h.AssembleAsync(partition);
        await h.RunLotsAsync(partition);
        Assert.All((await h.StatusesAsync(keys)).Values, s => Assert.Equal(nameof(DocumentStatus.Authorized), s));
        var debits = await h.DebitsAsync();
        Assert.Equal(n, debits.Count);
        Assert.Equal(keys.Order(), debits.Select(d => d.Reference.Split(':')[0]).Order());
        Assert.Equal(n, (await h.SentKeysAsync()).Count); // each document transmitted once
        Assert.Equal(n - 2 + 10 - n, (await h.Ledger.GetBalanceAsync(h.TenantId, Ct)).Balance);
    }

    [Fact]
    public async Task A_lost_send_answer_a_repeated_send_activity_and_a_requeued_document_still_debit_once_per_document()
    {
        await using var h = await CreditPipelineHarness.StartAsync(azurite);
        await h.Ledger.TopUpAsync(h.TenantId, 3, "pedido-1", "ops", Ct); // exactly enough: a second debit would be refused
        var keys = await h.IngestAsync(3);
        var partition = CreditPipelineHarness.PartitionOf(h.TenantId, keys[0]);
        await Task.WhenAll(h.AssembleAsync(partition), h.AssembleAsync(partition)); // two assemblers race on the same documents
        var lot = Assert.Single(await h.LotsAsync(partition));

        // The answer of the send is lost (502 after SEFAZ processed it); the send activity runs again meanwhile.
        await h.FailNextSendAsync("After", 502);
        await h.SendAsync(partition, lot.RowKey);
        await h.SendAsync(partition, lot.RowKey); // the send activity runs again: its recorded attempt stops a resend
        Assert.Equal(nameof(LotPhase.Reconciling), Assert.Single(await h.LotsAsync(partition)).Phase);
        await h.AssembleAsync(partition); // and an assemble message arrives again
        await h.RunLotsAsync(partition);
        Assert.All((await h.StatusesAsync(keys)).Values, s => Assert.Equal(nameof(DocumentStatus.Authorized), s));

        // A send that never reached SEFAZ: reconciliation finds the document missing twice and requeues it — the same
        // signed document goes in a new lot without a new debit (none is left: a second debit would leave it waiting).
        await h.Ledger.TopUpAsync(h.TenantId, 1, "pedido-2", "ops", Ct);
        var extra = Assert.Single(await h.IngestAsync(1));
        await h.FailNextSendAsync("Before", 502);
        await h.AssembleAsync(partition);
        await h.RunLotsAsync(partition);
        Assert.Contains("not in SEFAZ's base", (await h.DocumentAsync(extra)).History, StringComparison.Ordinal);
        await h.AssembleAsync(partition);
        await h.RunLotsAsync(partition);
        Assert.Equal(nameof(DocumentStatus.Authorized), (await h.StatusesAsync([extra]))[extra]);

        var debits = await h.DebitsAsync();
        Assert.Equal(4, debits.Count);
        Assert.Equal(keys.Append(extra).Order(), debits.Select(d => d.Reference.Split(':')[0]).Order());
        Assert.Equal(0, (await h.Ledger.GetBalanceAsync(h.TenantId, Ct)).Balance);
    }

    [Fact]
    public async Task The_debit_key_is_the_access_key_and_the_signed_digest()
    {
        Assert.Equal("35261111222333000181550010000000011000000014:ab-_cd", CreditDebitKey.For(AccessKey.Parse("35261111222333000181550010000000011000000014"), "ab+/cd=="));
        await Task.CompletedTask;
    }

    private static async Task DrainAsync(QueueClient queue)
    {
        while ((await queue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value is { Length: > 0 } batch)
        {
            foreach (var m in batch)
            {
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, Ct);
            }
        }
    }
}
