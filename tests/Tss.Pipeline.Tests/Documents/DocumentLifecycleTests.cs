using Azure;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Tests.Documents;

public class DocumentLifecycleTests
{
    [Theory]
    [InlineData(DocumentStatus.Pending, DocumentEvent.Claimed, DocumentStatus.InLot)]
    [InlineData(DocumentStatus.AwaitingCredits, DocumentEvent.Claimed, DocumentStatus.InLot)]
    [InlineData(DocumentStatus.Pending, DocumentEvent.OutOfCredits, DocumentStatus.AwaitingCredits)]
    [InlineData(DocumentStatus.InLot, DocumentEvent.Authorized, DocumentStatus.Authorized)]
    [InlineData(DocumentStatus.InLot, DocumentEvent.Denied, DocumentStatus.Denied)]
    [InlineData(DocumentStatus.InLot, DocumentEvent.Rejected, DocumentStatus.Rejected)]
    [InlineData(DocumentStatus.InLot, DocumentEvent.Requeued, DocumentStatus.Pending)]
    [InlineData(DocumentStatus.Rejected, DocumentEvent.Resubmitted, DocumentStatus.Pending)]
    [InlineData(DocumentStatus.Authorized, DocumentEvent.CancellationRegistered, DocumentStatus.Cancelled)]
    [InlineData(DocumentStatus.Cancelled, DocumentEvent.CancellationRegistered, DocumentStatus.Cancelled)]
    public void The_pipeline_moves_a_document_along_its_lifecycle(DocumentStatus from, DocumentEvent e, DocumentStatus to) =>
        Assert.Equal(to, DocumentLifecycle.Next(from, e));

    [Theory]
    [InlineData(DocumentStatus.Pending)]
    [InlineData(DocumentStatus.AwaitingCredits)]
    public void An_outcome_is_accepted_when_the_in_lot_mark_was_lost_in_a_crash(DocumentStatus from)
    {
        Assert.Equal(DocumentStatus.Authorized, DocumentLifecycle.Next(from, DocumentEvent.Authorized));
        Assert.Equal(DocumentStatus.Pending, DocumentLifecycle.Next(from, DocumentEvent.Requeued));
    }

    [Theory]
    [InlineData(DocumentStatus.Authorized, DocumentEvent.Requeued)]
    [InlineData(DocumentStatus.Authorized, DocumentEvent.Rejected)]
    [InlineData(DocumentStatus.Authorized, DocumentEvent.Resubmitted)]
    [InlineData(DocumentStatus.Denied, DocumentEvent.Authorized)]
    [InlineData(DocumentStatus.Denied, DocumentEvent.CancellationRegistered)]
    [InlineData(DocumentStatus.Rejected, DocumentEvent.CancellationRegistered)]
    [InlineData(DocumentStatus.Cancelled, DocumentEvent.Claimed)]
    [InlineData(DocumentStatus.Pending, DocumentEvent.Resubmitted)]
    [InlineData(DocumentStatus.InLot, DocumentEvent.OutOfCredits)]
    public void A_final_or_impossible_transition_is_refused(DocumentStatus from, DocumentEvent e)
    {
        Assert.Null(DocumentLifecycle.Next(from, e));
        Assert.Throws<InvalidOperationException>(() => DocumentLifecycle.Apply(from, e));
    }

    [Fact]
    public void Every_status_and_event_pair_is_decided_without_throwing()
    {
        var decided = Enum.GetValues<DocumentStatus>().SelectMany(s => Enum.GetValues<DocumentEvent>().Select(e => DocumentLifecycle.Next(s, e))).ToList();
        Assert.Equal(Enum.GetValues<DocumentStatus>().Length * Enum.GetValues<DocumentEvent>().Length, decided.Count);
        // Only a registered cancellation or a resubmission leaves a final status.
        foreach (var final in new[] { DocumentStatus.Authorized, DocumentStatus.Denied, DocumentStatus.Rejected, DocumentStatus.Cancelled })
        {
            var exits = Enum.GetValues<DocumentEvent>().Where(e => DocumentLifecycle.Next(final, e) is { } to && to != final).ToList();
            Assert.All(exits, e => Assert.Contains(e, new[] { DocumentEvent.CancellationRegistered, DocumentEvent.Resubmitted }));
        }
    }

    [Fact]
    public void A_rejection_releases_the_document_from_its_lot_so_a_replayed_outcome_leaves_it_alone()
    {
        var doc = new DocumentRecord { PartitionKey = "t|c|2611", RowKey = "K", Status = nameof(DocumentStatus.InLot), LotId = "lot|1", History = "a\n", ETag = new ETag("x") };
        var update = DocumentUpdate.Outcome(doc, "lot|1", DocumentEvent.Rejected, 225, "Falha no Schema", "b\n", DateTimeOffset.UnixEpoch);

        Assert.Equal(nameof(DocumentStatus.Rejected), update.GetString(nameof(DocumentRecord.Status)));
        Assert.Equal("", update.GetString(nameof(DocumentRecord.LotId)));
        Assert.Equal("lot|1", update.GetString(nameof(DocumentRecord.ReleasedFrom)));
        Assert.Equal(225, update.GetInt32(nameof(DocumentRecord.cStat)));
        Assert.Equal("a\nb\n", update.GetString(nameof(DocumentRecord.History)));
    }

    [Fact]
    public void An_authorization_keeps_the_document_in_its_lot()
    {
        var doc = new DocumentRecord { PartitionKey = "t|c|2611", RowKey = "K", Status = nameof(DocumentStatus.InLot), LotId = "lot|1" };
        var update = DocumentUpdate.Outcome(doc, "lot|1", DocumentEvent.Authorized, 100, "Autorizado o uso da NF-e", "", DateTimeOffset.UnixEpoch);

        Assert.Equal(nameof(DocumentStatus.Authorized), update.GetString(nameof(DocumentRecord.Status)));
        Assert.False(update.ContainsKey(nameof(DocumentRecord.LotId)));
    }

    [Fact]
    public void A_registered_cancellation_of_a_document_never_authorized_is_a_bug_not_a_write()
    {
        var doc = new DocumentRecord { PartitionKey = "p", RowKey = "K", Status = nameof(DocumentStatus.Rejected) };
        Assert.Throws<InvalidOperationException>(() => DocumentUpdate.Events(doc, "[]", 1, cancellationRegistered: true, "", DateTimeOffset.UnixEpoch));
    }
}
