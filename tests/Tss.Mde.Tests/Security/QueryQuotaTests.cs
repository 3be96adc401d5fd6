using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tss.Mde.Cursors;
using Tss.Mde.Queries;
using Tss.Mde.Sharing;
using Tss.Protocol.Parties;

namespace Tss.Mde.Tests.Security;

/// <summary>
/// The 20-per-hour consChNFe/consNSU count is SEFAZ's, per CNPJ, and shared by every tenant holding the CNPJ: it counts
/// what may have reached SEFAZ, never a request that provably did not leave, so a tenant whose transport fails cannot
/// spend another tenant's hour.
/// </summary>
public sealed class QueryQuotaTests(QuotaStack stack) : IClassFixture<QuotaStack>
{
    private static int _next;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static T Get<T>(IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();

    private string NewCnpj() => Cnpj.WithCheckDigits($"6{Interlocked.Increment(ref _next):0000000}0001");

    [Theory]
    [InlineData("closed port")]
    [InlineData("TLS handshake refused")]
    public async Task Twenty_queries_that_never_reach_SEFAZ_leave_the_victims_hourly_quota_intact(string failure)
    {
        var cnpj = NewCnpj();
        var victim = stack.Entities.Add(cnpj, stack.Simulator.Ca.IssueECnpj(cnpj, "VITIMA LTDA"), "victim");
        var intruder = stack.Entities.Add(cnpj, stack.Simulator.Ca.IssueECnpj(cnpj, "INTRUSA LTDA"), "intruder");
        var working = await stack.WorkingAsync();
        var failing = await stack.NeverReachingAsync(failure);
        // The victim is the company's first tenant; the intruder shares its cursor (and so its count).
        await Get<MdeAccess>(working).RequireAsync(victim, 55, Ct);

        for (var i = 1; i <= 25; i++)
        {
            var refused = await Assert.ThrowsAsync<MdeException>(() => Get<MdeQueryService>(failing).QueryAsync(intruder, 55, new MdeQuery(null, i), Ct));
            Assert.Equal(MdeErrorCodes.SefazUnavailable, refused.Code);
        }
        Assert.Equal(0, (await Get<CursorStore>(working).FindAsync(cnpj, 55, 2, Ct))!.QueryCount);

        for (var i = 1; i <= 20; i++)
        {
            var answer = await Get<MdeQueryService>(working).QueryAsync(victim, 55, new MdeQuery(null, i), Ct);
            Assert.Equal(20 - i, answer.QueriesLeftThisHour);
        }
        var over = await Assert.ThrowsAsync<MdeException>(() => Get<MdeQueryService>(working).QueryAsync(victim, 55, new MdeQuery(null, 21), Ct));
        Assert.Equal(MdeErrorCodes.Blocked, over.Code);
        Assert.Equal(20, await stack.SimulatorRequestsAsync(cnpj));
    }

    [Fact]
    public async Task A_query_that_times_out_after_it_was_sent_counts_against_the_hour()
    {
        var cnpj = NewCnpj();
        var entity = stack.Entities.Add(cnpj, stack.Simulator.Ca.IssueECnpj(cnpj, "PACIENTE LTDA"), "patient");
        var impatient = await stack.ImpatientAsync(TimeSpan.FromSeconds(1));
        // SEFAZ receives and processes the query, then never answers: it counted it, so must we.
        await stack.FaultAsync(new { kind = "Timeout", phase = "After", timeoutSeconds = 5, count = 1, service = "distDFeInt" });

        var unknown = await Assert.ThrowsAsync<MdeException>(() => Get<MdeQueryService>(impatient).QueryAsync(entity, 55, new MdeQuery(null, 1), Ct));

        Assert.Equal(MdeErrorCodes.SefazUnavailable, unknown.Code);
        Assert.Equal(1, (await Get<CursorStore>(impatient).FindAsync(cnpj, 55, 2, Ct))!.QueryCount);
        Assert.Equal(1, await stack.SimulatorRequestsAsync(cnpj));
    }
}
