using Microsoft.Extensions.Logging;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Contingency;

/// <summary>
/// The small hook the lot pipeline calls after each exchange with a normal authorizer: turns the outcome into a
/// <see cref="ContingencySignal"/> for the policy. A storage failure while reporting is logged, never thrown: the
/// exchange already happened and the lot must go on.
/// </summary>
public sealed partial class ContingencyReporter(ContingencyService contingency, TimeProvider time, ILogger<ContingencyReporter> logger)
{
    /// <summary>After a SEFAZ answer (cStat at message level) from the normal authorizer.</summary>
    public Task AnsweredAsync(string uf, int model, int tpAmb, int cStat, string tenantId, string cnpj, CancellationToken ct) =>
        ReportAsync(new AuthorizerKey(uf, model, tpAmb), new ContingencySignal(cStat is 108 or 109
            ? ContingencySignalKind.SendParalysed
            : ContingencySignalKind.Answered, time.GetUtcNow(), cStat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            tenantId, cnpj, ct);

    /// <summary>
    /// After an answer of the UF's SVC to a lot: 113/114 say SEFAZ deactivated the SVC for the UF, which ends the
    /// contingency at once (waiting for three 107s would keep sending documents the SVC now refuses). Other answers say
    /// nothing about the UF's own authorizer and are not reported.
    /// </summary>
    public Task SvcAnsweredAsync(string uf, int model, int tpAmb, int cStat, string tenantId, string cnpj, CancellationToken ct) =>
        cStat is 113 or 114
            ? ReportAsync(new AuthorizerKey(uf, model, tpAmb), new ContingencySignal(ContingencySignalKind.SvcDeactivated, time.GetUtcNow(),
                cStat.ToString(System.Globalization.CultureInfo.InvariantCulture)), tenantId, cnpj, ct)
            : Task.CompletedTask;

    /// <summary>After a status answer of the normal authorizer (107, 108, 109…).</summary>
    public Task StatusAsync(AuthorizerKey key, int cStat, string tenantId, string cnpj, CancellationToken ct) =>
        ReportAsync(key, new ContingencySignal(cStat switch
        {
            107 => ContingencySignalKind.StatusInOperation,
            108 or 109 => ContingencySignalKind.StatusParalysed,
            _ => ContingencySignalKind.Answered,
        }, time.GetUtcNow(), cStat.ToString(System.Globalization.CultureInfo.InvariantCulture)), tenantId, cnpj, ct);

    /// <summary>After a call that got no SEFAZ answer. Failures that say nothing about the authorizer (no endpoint) are ignored.</summary>
    public Task FailedAsync(AuthorizerKey key, SefazErrorCode code, string tenantId, string cnpj, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var kind = code switch
        {
            SefazErrorCode.Timeout => ContingencySignalKind.Timeout,
            SefazErrorCode.ConnectFailed or SefazErrorCode.HttpStatus or SefazErrorCode.MalformedResponse
                => ContingencySignalKind.TransportFailure,
            _ => (ContingencySignalKind?)null,
        };
        return kind is { } k
            ? ReportAsync(key, new ContingencySignal(k, time.GetUtcNow(), "sefaz." + code), tenantId, cnpj, ct)
            : Task.CompletedTask;
    }

    private async Task ReportAsync(AuthorizerKey key, ContingencySignal signal, string tenantId, string cnpj, CancellationToken ct)
    {
        try
        {
            await contingency.ReportAsync(key, signal, tenantId, cnpj, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ContingencyReportFailed(logger, e, key.RowKey, signal.Kind);
        }
    }
}
