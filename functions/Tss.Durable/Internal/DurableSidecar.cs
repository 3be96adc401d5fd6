using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Runtime.Storage;

namespace Tss.Durable.Internal;

/// <summary>
/// The engine's moving parts in the host: the DurableTask.AzureStorage backend (task hub created if missing), the gRPC
/// sidecar in its own small Kestrel app on a loopback HTTP/2 port, and the channel the worker and client use. Starts
/// in <see cref="StartingAsync"/> (before any hosted service's StartAsync); stops after the worker (hosted services
/// stop in reverse order), every step bounded by <see cref="DurableOptions.ShutdownTimeout"/>. Stop and dispose are
/// idempotent.
/// </summary>
internal sealed class DurableSidecar : IHostedLifecycleService, IAsyncDisposable
{
    private readonly DurableOptions options;
    private readonly StorageOptions storage;
    private readonly DurableStorageTransactions transactions;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TaskCompletionSource<int> port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SidecarLifetime sidecarLifetime = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private AzureStorageOrchestrationService? backend;
    private WebApplication? app;
    private bool started;
    private bool stopped;

    public DurableSidecar(IOptions<DurableOptions> options, IOptions<StorageOptions> storage, DurableStorageTransactions transactions, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        this.options = options.Value;
        this.storage = storage.Value;
        this.transactions = transactions;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<DurableSidecar>();
        // The address is a placeholder: every connection goes to the sidecar's bound port, waiting for it if the
        // sidecar is still starting, so the worker and client can be built (and used) before the port is known.
        Channel = GrpcChannel.ForAddress("http://127.0.0.1", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = ConnectAsync,
                EnableMultipleHttp2Connections = true,
            },
            DisposeHttpClient = true,
        });
    }

    /// <summary>The channel to the sidecar (worker and client).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The backend, once started.</summary>
    public AzureStorageOrchestrationService Backend =>
        backend ?? throw new InvalidOperationException("The Durable engine has not started.");

    /// <summary>The sidecar's loopback port, once it listens.</summary>
    public Task<int> Port => port.Task;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (started)
            {
                return;
            }
            started = true;
            var service = DurableBackendFactory.Create(options, storage, transactions, loggerFactory);
            backend = service;
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DurableSidecar).Assembly.GetName().Name });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
                k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            builder.Services.AddRouting();
            builder.Services.AddGrpc();
            builder.Services.AddSingleton<IOrchestrationService>(service);
            builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
            builder.Services.AddSingleton(_ => new TaskHubGrpcServer(
                sidecarLifetime, loggerFactory, service, service,
                Options.Create(new TaskHubGrpcServerOptions { Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher })));
            var web = builder.Build();
            web.MapGrpcService<TaskHubGrpcServer>();
            app = web;
            _ = web.Services.GetRequiredService<TaskHubGrpcServer>();
            await web.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var bound = new Uri(address).Port;
            // The dispatchers start (and the backend with them) once the worker opens its work-item stream.
            sidecarLifetime.NotifyStarted();
            port.TrySetResult(bound);
            Log.SidecarStarted(logger, options.TaskHub, bound, options.PartitionCount);
        }
        catch (Exception exception)
        {
            port.TrySetException(new InvalidOperationException(
                $"The Durable engine did not start (task hub '{options.TaskHub}'): {exception.Message}", exception));
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => StopCoreAsync();

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync().ConfigureAwait(false);
        Channel.Dispose();
    }

    private async Task StopCoreAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (stopped)
            {
                return;
            }
            stopped = true;
            port.TrySetException(new ObjectDisposedException(nameof(DurableSidecar), "The Durable engine has stopped."));
            if (!started)
            {
                return;
            }
            var clock = Stopwatch.StartNew();
            var budget = options.ShutdownTimeout;
            TimeSpan Remaining() => budget - clock.Elapsed > TimeSpan.Zero ? budget - clock.Elapsed : TimeSpan.Zero;

            // Dispatchers stop fetching at once; work items still held are abandoned by the forced stop below and
            // reappear after their visibility timeout (at least once, never lost).
            sidecarLifetime.NotifyStopping();
            if (app is { } web)
            {
                using var kestrelTimeout = new CancellationTokenSource(Remaining() / 2);
                await RunBoundedAsync("sidecar", () => web.StopAsync(kestrelTimeout.Token), Remaining()).ConfigureAwait(false);
            }
            if (backend is { } service)
            {
                // Forced: the partition manager does not wait for its leases to drain (minutes otherwise).
                await RunBoundedAsync("backend", () => service.StopAsync(isForced: true), Remaining()).ConfigureAwait(false);
            }
            if (app is { } disposing)
            {
                await RunBoundedAsync("sidecar-dispose", () => disposing.DisposeAsync().AsTask(), Remaining()).ConfigureAwait(false);
            }
            sidecarLifetime.NotifyStopped();
            Log.SidecarStopped(logger, options.TaskHub, clock.ElapsedMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunBoundedAsync(string step, Func<Task> action, TimeSpan timeout)
    {
        try
        {
            await action().WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.StopStepTimedOut(logger, step);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.StopStepFailed(logger, exception, step);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = await port.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
