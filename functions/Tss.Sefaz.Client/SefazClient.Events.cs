using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client;

public sealed partial class SefazClient
{
    /// <summary>
    /// NFeRecepcaoEvento4: sends an envEvento (see <see cref="NfeRequests.EnvEvento"/>) whose events all have the type
    /// <paramref name="tpEvento"/>, which decides the authorizer (the emitter's, or the AN for manifestação and EPEC, as
    /// the endpoint table says). The answer lists one retEvento per event; rejections are cStat values, not exceptions.
    /// </summary>
    /// <exception cref="SefazException">No usable answer; <see cref="SefazException.OutcomeUnknown"/> tells whether the
    /// events may have been registered (then consult the key before resending).</exception>
    public async Task<RetEnvEvento> RecepcaoEventoAsync(SefazTarget target, X509Certificate2 certificate, string tpEvento, string envEvento,
        CancellationToken ct = default)
    {
        var endpoint = _endpoints.ResolveEvent(target, tpEvento);
        var reply = await SendAsync(endpoint, certificate, envEvento, ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetEnvEvento);
    }
}
