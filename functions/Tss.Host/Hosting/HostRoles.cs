namespace Tss.Host.Hosting;

/// <summary>Reads <c>Host:Role</c> when the host is built (it decides what is registered and mapped) and trims a portal host.</summary>
public static class HostRoles
{
    public const string Key = "Host:Role";

    /// <summary>
    /// Hosted services a portal-only host keeps: the web server (added when the app is built, kept should it be here
    /// already), table/container creation with the secret migration, the portal's own start-up.
    /// </summary>
    private static readonly HashSet<string> PortalHostedServices = new(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Hosting.GenericWebHostService",
        "Tss.Host.Hosting.StorageBootstrap",
        "Tss.Portal.Hosting.PortalBootstrap",
    };

    /// <summary>The configured role; an unknown value stops the host with a message naming the setting.</summary>
    /// <exception cref="InvalidOperationException">The value is not All, Api or Portal.</exception>
    public static HostRole From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return HostRole.All;
        }
        return Enum.TryParse<HostRole>(value.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _)
            ? role
            : throw new InvalidOperationException($"{Key} '{value}' is unknown: use All (default), Api or Portal (env var Host__Role).");
    }

    /// <summary>
    /// Removes every background worker from a portal-only host (queue listeners, the Durable sidecar and worker, the
    /// purge, MD-e and contingency timers, the queue gauge): every hosted service except the start-up steps it needs.
    /// </summary>
    public static void KeepOnlyPortalHostedServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var d = services[i];
            if (d.ServiceType == typeof(IHostedService) && !PortalHostedServices.Contains(ImplementationName(d)))
            {
                services.RemoveAt(i);
            }
        }
    }

    private static string ImplementationName(ServiceDescriptor d) =>
        (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.FullName ?? "";
}
