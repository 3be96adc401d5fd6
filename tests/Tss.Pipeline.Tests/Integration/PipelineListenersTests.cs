namespace Tss.Pipeline.Tests.Integration;

/// <summary>
/// The whole asynchronous flow through the real assemble listener and the lot orchestration (Durable on Azurite, see <see cref="PipelineHostHarness"/>):
/// ingest → assemble → send → durable timer → poll → authorized, on Azurite and the simulator sharing one clock scaled 30× (the mandated 15-second wait takes 0.5 s).
/// </summary>
public sealed class PipelineListenersTests : IAsyncLifetime
{
    private PipelineHostHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _h = await PipelineHostHarness.StartAsync("EMITENTE LISTENERS LTDA", new Dictionary<string, string?>(), events: false, Ct);

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Submitted_documents_are_authorized_exactly_once_through_the_queues()
    {
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            keys.AddRange(await _h.SubmitAsync(20, Ct));
        }

        await PipelineHostHarness.WaitAsync(() => _h.AllAsync(keys, Ct), "every document authorized", Ct, seconds: 90);

        var authorizations = await _h.AuthorizationsAsync(Ct);
        Assert.Equal(keys.Order(), authorizations.Select(a => a.chNFe).Order());
        Assert.All(authorizations, a => Assert.Equal(1, a.TimesAuthorized));
    }
}
