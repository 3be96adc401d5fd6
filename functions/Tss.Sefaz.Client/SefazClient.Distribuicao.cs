using System.Security.Cryptography.X509Certificates;

namespace Tss.Sefaz.Client;

public sealed partial class SefazClient
{
    /// <summary>
    /// NFeDistribuicaoDFe of the Ambiente Nacional (the endpoint table routes it to "AN" for every UF): sends a
    /// distDFeInt 1.01 payload (distNSU, consNSU or consChNFe) wrapped in nfeDistDFeInteresse/nfeDadosMsg and returns
    /// the retDistDFeInt element with the exact response text. Reading the answer (docZip, NSU) is the caller's job.
    /// </summary>
    /// <exception cref="SefazException">No usable answer (transport, HTTP, SOAP fault, unreadable body). A query does
    /// not change state at SEFAZ, but it does count for the consumption rules.</exception>
    public Task<SefazReply> DistribuicaoDFeAsync(SefazTarget target, X509Certificate2 certificate, string distDFeInt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SendAsync(_endpoints.Resolve(target, SefazService.NFeDistribuicaoDFe), certificate, distDFeInt, ct);
    }
}
