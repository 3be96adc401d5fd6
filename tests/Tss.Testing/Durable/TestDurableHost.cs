using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace Tss.Testing.Durable;

/// <summary>Starts the package's in-memory <see cref="DurableTaskTestHost"/> on a free loopback port.</summary>
public static class TestDurableHost
{
    /// <remarks>
    /// The package's default port is random in 30000–40000 and collides with ports in use when many tests run; a port
    /// found free can still be taken before the sidecar binds it, so a start that meets "address in use" tries again on
    /// another port.
    /// </remarks>
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register, DurableTaskTestHostOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(register);
        for (var attempt = 1; ; attempt++)
        {
            var o = options ?? new DurableTaskTestHostOptions();
            o.Port = Tss.DevTools.Processes.FreePorts.Allocate();
            try
            {
                return await DurableTaskTestHost.StartAsync(register, o, ct);
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is AddressInUseException)
            {
                // Taken between the allocation and the bind: another port.
            }
        }
    }

    /// <inheritdoc cref="StartAsync(Action{DurableTaskRegistry}, DurableTaskTestHostOptions?, CancellationToken)"/>
    public static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register, CancellationToken ct) => StartAsync(register, null, ct);
}
