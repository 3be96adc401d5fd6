using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Tss.Tenancy.Credits;
using Tss.Testing.Azurite;
using Tss.Testing.Mail;

namespace Tss.Tenancy.Tests.Credits;

/// <summary>The low-balance e-mail ("Central de Notificações") through a real MailDev: once per crossing, durable, idempotent.</summary>
public sealed class LowBalanceNotificationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MailDevFixture _mail = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _mail.InitializeAsync();

    public ValueTask DisposeAsync() => _mail.DisposeAsync();

    [Fact]
    public async Task One_email_per_crossing_with_contracted_used_and_balance_even_when_both_messages_arrive()
    {
        await using var f = await CreditsFixture.CreateAsync(azurite, _mail.SmtpPort);
        var instance = f.NewInstance();
        var ledger = f.Ledger(instance);
        var notifier = instance.GetRequiredService<LowBalanceNotifier>();
        var notifyQueue = new QueueClient(azurite.ConnectionString, CreditOptions.NotifyQueue);
        await notifyQueue.CreateIfNotExistsAsync(cancellationToken: Ct);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        await ledger.SetLowBalanceNotificationAsync(tenant, 5, "fiscal@cliente.com.br", Ct);
        await ledger.TopUpAsync(tenant, 1000, "r1", "ops", Ct);
        await ledger.TopUpAsync(tenant, 7, "r2", "ops", Ct); // 1007 contracted
        var queued = await QueuedAsync(notifyQueue);

        await ledger.TryDebitManyAsync(tenant, [.. Enumerable.Range(0, 1001).Select(i => $"k{i}")], Ct); // 1007 → 6
        Assert.Equal(0, await notifier.SendPendingAsync(new LowBalanceMessage(tenant), Ct));
        Assert.Equal(DebitOutcome.Debited, await ledger.TryDebitAsync(tenant, "k-5", Ct)); // 6 → 5: not below yet
        Assert.Equal(DebitOutcome.Debited, await ledger.TryDebitAsync(tenant, "k-4", Ct)); // 5 → 4: crossed
        Assert.Equal(DebitOutcome.Debited, await ledger.TryDebitAsync(tenant, "k-3", Ct)); // 4 → 3: same crossing
        // The crossing queued a delayed safety message before the debit and an immediate one after it.
        Assert.Equal(queued + 2, await QueuedAsync(notifyQueue));

        // Both deliveries (immediate and safety) run: one e-mail.
        Assert.Equal(1, await notifier.SendPendingAsync(new LowBalanceMessage(tenant), Ct));
        Assert.Equal(0, await notifier.SendPendingAsync(new LowBalanceMessage(tenant), Ct));
        var mail = Assert.Single(await _mail.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10), Ct));
        Assert.Equal("fiscal@cliente.com.br", Assert.Single(mail.To).Address);
        Assert.Contains("saldo baixo", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Contratado: 1.007", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Utilizado:  1.003", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Saldo:      4", mail.Text, StringComparison.Ordinal);

        // A top-up above the threshold re-arms it: the next crossing sends a second e-mail.
        await ledger.TopUpAsync(tenant, 10, "r3", "ops", Ct); // 3 → 13
        await ledger.TryDebitManyAsync(tenant, [.. Enumerable.Range(0, 9).Select(i => $"m{i}")], Ct); // 13 → 4
        Assert.Equal(1, await notifier.SendPendingAsync(new LowBalanceMessage(tenant), Ct));
        Assert.Equal(2, (await _mail.WaitForEmailsAsync(2, TimeSpan.FromSeconds(10), Ct)).Count);
    }

    private static async Task<int> QueuedAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;
}
