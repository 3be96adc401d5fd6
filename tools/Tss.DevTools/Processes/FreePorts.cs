using System.Net;
using System.Net.Sockets;

namespace Tss.DevTools.Processes;

/// <summary>Loopback TCP ports nobody listens on (asked from the OS, so parallel test runs do not collide).</summary>
public static class FreePorts
{
    /// <summary>
    /// <paramref name="count"/> distinct free ports. All listeners stay open until every port is chosen, so the OS
    /// cannot hand out the same port twice; a process started right after can bind them.
    /// </summary>
    public static int[] Allocate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>One free port.</summary>
    public static int Allocate() => Allocate(1)[0];

    /// <summary>Waits until every port accepts a TCP connection on loopback, or throws after <paramref name="timeout"/>.</summary>
    /// <param name="stillRunning">Checked between attempts: when it turns false, waiting stops with an error.</param>
    public static async Task WaitUntilListeningAsync(IEnumerable<int> ports, TimeSpan timeout, Func<bool>? stillRunning = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (stillRunning is not null && !stillRunning())
                {
                    throw new InvalidOperationException($"The process exited before port {port} was listening.");
                }
                if (await AcceptsAsync(port, ct).ConfigureAwait(false))
                {
                    break;
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.");
                }
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
