namespace Tss.Host.Hosting;

/// <summary>What one host process serves (configuration <c>Host:Role</c>, default <see cref="All"/>).</summary>
public enum HostRole
{
    /// <summary>Everything: REST and SOAP, the pipeline workers (queue listeners, Durable worker, timers) and the portal.</summary>
    All,

    /// <summary>REST, SOAP and the pipeline workers; the portal is not mapped.</summary>
    Api,

    /// <summary>
    /// Only the portal (and health): no REST or SOAP route, no queue listener, no Durable sidecar or worker, no timers.
    /// It reads and writes the same storage; what it enqueues is processed by an Api/All host or the Functions app.
    /// </summary>
    Portal,
}
