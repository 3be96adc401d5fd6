using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client;

public sealed partial class SefazClient
{
    /// <summary>
    /// NFeInutilizacao4: sends a signed inutNFe (see <see cref="NfeRequests.InutNFe"/>). 102 means homologated; build
    /// the stored document with <see cref="NfeProcs.ProcInutNFe"/>.
    /// </summary>
    /// <exception cref="SefazException">No usable answer (the outcome may be unknown, see <see cref="SefazException.OutcomeUnknown"/>).</exception>
    public async Task<RetInutNFe> InutilizacaoAsync(SefazTarget target, X509Certificate2 certificate, string signedInutNFe,
        CancellationToken ct = default)
    {
        var endpoint = _endpoints.Resolve(target, SefazService.NFeInutilizacao4);
        var reply = await SendAsync(endpoint, certificate, signedInutNFe, ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetInutNFe);
    }
}
