using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client;

/// <summary>
/// SOAP 1.2 over HTTPS with the entity's certificate as TLS client certificate. One pooled handler per client
/// certificate. Every answer becomes a typed result; transport problems become <see cref="SefazException"/>.
/// </summary>
public sealed class SefazClient : IDisposable
{
    public SefazClient(SefazEndpoints endpoints, Microsoft.Extensions.Options.IOptions<SefazClientOptions> options, TimeProvider? time = null) => throw new NotImplementedException();

    /// <summary>NFeAutorizacao4: sends an enviNFe payload (see <see cref="NfeRequests.EnviNFe"/>).</summary>
    public Task<RetEnviNFe> AutorizarAsync(SefazTarget target, X509Certificate2 certificate, string enviNFe, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>NFeRetAutorizacao4 for a receipt.</summary>
    public Task<RetConsReciNFe> ConsultarReciboAsync(SefazTarget target, X509Certificate2 certificate, string nRec, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>NFeStatusServico4.</summary>
    public Task<RetConsStatServ> StatusServicoAsync(SefazTarget target, X509Certificate2 certificate, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>NFeConsultaProtocolo4 by access key.</summary>
    public Task<RetConsSitNFe> ConsultarProtocoloAsync(SefazTarget target, X509Certificate2 certificate, string chNFe, CancellationToken ct = default) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
