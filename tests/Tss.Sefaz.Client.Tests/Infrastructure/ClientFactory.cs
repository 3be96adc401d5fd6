using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client.Tests.Infrastructure;

public static class ClientFactory
{
    public static readonly SefazTarget Sp = new("SP", 55, 2);

    /// <summary>A client that calls <paramref name="baseUrl"/> for every service and trusts the test CA.</summary>
    public static SefazClient For(Uri baseUrl, TestPki pki, Action<SefazClientOptions>? configure = null)
    {
        var options = new SefazClientOptions
        {
            BaseUrlOverride = baseUrl,
            TrustAnchorPath = pki.CaPemPath,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ReadTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var wrapped = Options.Create(options);
        return new SefazClient(new SefazEndpoints(wrapped), wrapped);
    }
}
