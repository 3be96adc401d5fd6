using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Portal.Accounts;

namespace Tss.Portal.Hosting;

/// <summary>Creates the portal's tables at start (idempotent) and the configured operator account when it is missing.</summary>
public sealed class PortalBootstrap(TableServiceClient tables, PortalUserStore users, IOptions<PortalOptions> options, ILogger<PortalBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(tables, options.Value, cancellationToken).ConfigureAwait(false);
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.OperatorEmail) && !string.IsNullOrEmpty(o.OperatorPassword)
            && await users.FindAsync(o.OperatorEmail, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await users.CreateAsync(o.OperatorEmail, o.OperatorPassword, "", PortalRoles.Operator, cancellationToken).ConfigureAwait(false);
                Log.OperatorSeeded(logger);
            }
            catch (PortalException e) when (e.Code == PortalErrorCodes.EmailTaken)
            {
                // Another instance created it first.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the portal's tables (also for the CLI).</summary>
    public static async Task EnsureCreatedAsync(TableServiceClient tables, PortalOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var table in new[] { options.UsersTable, options.ProfilesTable })
        {
            await tables.GetTableClient(table).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }
    }
}
