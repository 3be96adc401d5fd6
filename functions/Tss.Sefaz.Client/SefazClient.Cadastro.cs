using System.Security.Cryptography.X509Certificates;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client;

public sealed partial class SefazClient
{
    /// <summary>
    /// CadConsultaCadastro4: the registry of the UF <see cref="SefazTarget.Uf"/>, by exactly one of CNPJ, CPF or IE.
    /// Not every authorizer offers it (then <see cref="SefazErrorCode.NoEndpoint"/>).
    /// </summary>
    /// <exception cref="MessageInputException">No or several parties, or a malformed one.</exception>
    /// <exception cref="SefazException">No usable answer.</exception>
    public async Task<RetConsCad> ConsultaCadastroAsync(SefazTarget target, X509Certificate2 certificate, string? cnpj = null,
        string? cpf = null, string? ie = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var payload = NfeRequests.ConsCad(target.Uf, cnpj, cpf, ie);
        var endpoint = _endpoints.Resolve(target, SefazService.CadConsultaCadastro4);
        var reply = await SendAsync(endpoint, certificate, payload, ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetConsCad);
    }
}
