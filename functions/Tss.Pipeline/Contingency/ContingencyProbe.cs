using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Sefaz.Client;
using Tss.Sefaz.Client.Status;

namespace Tss.Pipeline.Contingency;

/// <summary>
/// Asks the status of every normal authorizer in contingency every <see cref="ContingencyOptions.ProbeInterval"/> (through
/// the shared status cache, so the 3-minute rule holds across instances), with the certificate of the entity that last
/// reported for it, and feeds the answers to the policy: 107s bring it back to normal.
/// </summary>
public sealed partial class ContingencyProbe(
    ContingencyService contingency,
    ContingencyReporter reporter,
    IServiceProvider services,
    IOptions<ContingencyOptions> options,
    TimeProvider time,
    ILogger<ContingencyProbe> logger) : BackgroundService
{
    /// <summary>One round over the authorizers in contingency (public for tests).</summary>
    public async Task ProbeOnceAsync(CancellationToken ct)
    {
        // Resolved here, not at start: the host provides the entity directory, and a host without one never probes.
        var entities = services.GetRequiredService<IEntityDirectory>();
        var statusCache = services.GetRequiredService<StatusServiceCache>();
        foreach (var (key, tenantId, cnpj) in await contingency.InContingencyAsync(ct).ConfigureAwait(false))
        {
            var entity = await entities.FindAsync(tenantId, cnpj, ct).ConfigureAwait(false);
            if (entity is null)
            {
                continue;
            }

            try
            {
                var certificate = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
                var reading = await statusCache.GetAsync(new SefazTarget(key.Uf, key.Model, key.tpAmb), certificate, ct).ConfigureAwait(false);
                if (reading.Asked && reading.Answer is { } answer)
                {
                    await reporter.StatusAsync(key, answer.cStat, tenantId, cnpj, ct).ConfigureAwait(false);
                }
            }
            catch (SefazException e)
            {
                await reporter.FailedAsync(key, e.Code, tenantId, cnpj, ct).ConfigureAwait(false);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ProbeInterval, time, stoppingToken).ConfigureAwait(false);
                await ProbeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ContingencyProbeFailed(logger, e);
            }
        }
    }
}
