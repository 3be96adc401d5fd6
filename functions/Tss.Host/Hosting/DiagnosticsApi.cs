using Tss.Durable;
using Tss.Runtime.Storage;

namespace Tss.Host.Hosting;

/// <summary>
/// Benchmark support: the host's storage transaction counts (every storage request its clients sent, by operation),
/// and apart from them the Durable backend's own requests (task hub queues, history and instance tables, leases).
/// Off unless <c>Diagnostics:StorageCounters</c> is true; never enable it on a public endpoint.
/// </summary>
public static class DiagnosticsApi
{
    public static WebApplication MapDiagnosticsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue("Diagnostics:StorageCounters", false))
        {
            app.MapGet("/diagnostics/storage", (StorageClients storage, IServiceProvider services) =>
            {
                var snapshot = storage.Counter.Snapshot();
                var durable = services.GetService<DurableStorageTransactions>()?.Snapshot();
                return TypedResults.Ok(new
                {
                    total = snapshot.Total,
                    operations = snapshot.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
                    durable = new
                    {
                        total = durable?.Total ?? 0,
                        operations = durable?.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value) ?? [],
                    },
                });
            }).ExcludeFromDescription();
        }
        return app;
    }
}
