using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tss.DevTools.Processes;

namespace Tss.Infra.Tests.Support;

/// <summary>
/// A read-only OCI registry on loopback serving one stand-in base image, so that <c>dotnet publish
/// -t:PublishContainer</c> runs where <c>mcr.microsoft.com</c> cannot be reached. The .NET SDK talks plain HTTP to a
/// <c>localhost</c> registry. The image has one small layer and the environment of the aspnet images (port 8080, app
/// user 1654): enough for the SDK to build and configure an image on top, not to run it.
/// </summary>
public sealed class StandInBaseImageRegistry : IDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private readonly HttpListener listener = new();
    private readonly Dictionary<string, byte[]> blobs = [];
    private readonly byte[] manifest;
    private readonly string manifestDigest;
    private readonly Task serving;

    public StandInBaseImageRegistry()
    {
        var (layer, diffId) = Layer();
        var layerDigest = Add(layer);
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new
            {
                Env = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true" },
                WorkingDir = "/",
            },
            rootfs = new { type = "layers", diff_ids = new[] { diffId } },
        });
        var configDigest = Add(config);
        manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = configDigest, size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = layerDigest, size = layer.Length } },
        });
        manifestDigest = Digest(manifest);

        Port = FreePorts.Allocate();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Prefixes.Add($"http://localhost:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>Loopback port the registry listens on.</summary>
    public int Port { get; }

    /// <summary>The base image reference to give as <c>ContainerBaseImage</c>.</summary>
    public string BaseImage => $"localhost:{Port}/dotnet/aspnet:10.0";

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Closing the listener ends the pending GetContext with an exception.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        var (status, body, type) = path switch
        {
            "/v2/" or "/v2" => (200, "{}"u8.ToArray(), "application/json"),
            _ when path.Contains("/manifests/", StringComparison.Ordinal) => (200, manifest, ManifestType),
            _ when path.Contains("/blobs/", StringComparison.Ordinal) && blobs.TryGetValue(path[(path.LastIndexOf('/') + 1)..], out var blob)
                => (200, blob, "application/octet-stream"),
            _ => (404, "{}"u8.ToArray(), "application/json"),
        };
        response.StatusCode = status;
        response.ContentType = type;
        if (path.Contains("/manifests/", StringComparison.Ordinal))
        {
            response.Headers["Docker-Content-Digest"] = manifestDigest;
        }
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD")
        {
            response.OutputStream.Write(body);
        }
        response.Close();
    }

    private string Add(byte[] blob)
    {
        var digest = Digest(blob);
        blobs[digest] = blob;
        return digest;
    }

    private static (byte[] Gzipped, string DiffId) Layer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "etc/tss-stand-in-base")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 (build checks only)\n")),
                Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }
        var raw = tar.ToArray();
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }
        return (gz.ToArray(), Digest(raw));
    }

    private static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
}
