using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tss.Protocol.Messages;
using Tss.Protocol.Reference;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client.Internal;
using Tss.Trust;

namespace Tss.Sefaz.Client;

/// <summary>
/// SOAP 1.2 over HTTPS with the entity's certificate as TLS client certificate. One pooled handler per client
/// certificate. Every answer becomes a typed result; transport problems become <see cref="SefazException"/>.
/// </summary>
public sealed partial class SefazClient : IDisposable
{
    private readonly SefazEndpoints _endpoints;
    private readonly SefazClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ServerCertificateTrust _trust;
    private readonly ClientCertificateHandlers _handlers;

    /// <param name="time">Used to measure call durations for the log. Timeouts are real time on purpose: a scaled test
    /// clock must not shorten the network's patience.</param>
    /// <param name="anchors">The service's trust anchors (ICP-Brasil roots and configured ones) for the authorizers' server
    /// certificates; without them only the system store and <see cref="SefazClientOptions.TrustAnchorPath"/> are used.</param>
    public SefazClient(SefazEndpoints endpoints, IOptions<SefazClientOptions> options, TimeProvider? time = null, ILogger<SefazClient>? logger = null,
        TrustAnchors? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        _endpoints = endpoints;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _trust = new ServerCertificateTrust(_options.TrustAnchorPath, anchors, _options.TrustSystemRoots);
        _handlers = new ClientCertificateHandlers(_options, _trust);
    }

    /// <summary>NFeAutorizacao4: sends an enviNFe payload (see <see cref="NfeRequests.EnviNFe"/>).</summary>
    public async Task<RetEnviNFe> AutorizarAsync(SefazTarget target, X509Certificate2 certificate, string enviNFe, CancellationToken ct = default)
    {
        var reply = await SendAsync(_endpoints.Resolve(target, SefazService.NFeAutorizacao4), certificate, enviNFe, ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetEnviNFe);
    }

    /// <summary>NFeRetAutorizacao4 for a receipt.</summary>
    public async Task<RetConsReciNFe> ConsultarReciboAsync(SefazTarget target, X509Certificate2 certificate, string nRec, CancellationToken ct = default)
    {
        var endpoint = _endpoints.Resolve(target, SefazService.NFeRetAutorizacao4);
        var reply = await SendAsync(endpoint, certificate, NfeRequests.ConsReciNFe(target.tpAmb, nRec), ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetConsReciNFe);
    }

    /// <summary>NFeStatusServico4.</summary>
    public async Task<RetConsStatServ> StatusServicoAsync(SefazTarget target, X509Certificate2 certificate, CancellationToken ct = default)
    {
        var endpoint = _endpoints.Resolve(target, SefazService.NFeStatusServico4);
        var reply = await SendAsync(endpoint, certificate, NfeRequests.ConsStatServ(target.tpAmb, UfCodes.ToCode(target.Uf)), ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetConsStatServ);
    }

    /// <summary>NFeConsultaProtocolo4 by access key.</summary>
    public async Task<RetConsSitNFe> ConsultarProtocoloAsync(SefazTarget target, X509Certificate2 certificate, string chNFe, CancellationToken ct = default)
    {
        var endpoint = _endpoints.Resolve(target, SefazService.NFeConsultaProtocolo4);
        var reply = await SendAsync(endpoint, certificate, NfeRequests.ConsSitNFe(target.tpAmb, chNFe), ct).ConfigureAwait(false);
        return Parse(reply, NfeResponses.ParseRetConsSitNFe);
    }

    public void Dispose()
    {
        _handlers.Dispose();
        _trust.Dispose();
    }

    private static T Parse<T>(SefazReply reply, Func<System.Xml.XmlElement, string?, T> parser)
    {
        try
        {
            return parser(reply.Answer, reply.ResponseXml);
        }
        catch (XmlInputException e)
        {
            throw new SefazException(SefazErrorCode.MalformedResponse, $"Unexpected answer from {reply.Endpoint.Authorizer} {reply.Endpoint.Service}: {e.Message}", e)
            {
                HttpStatus = 200,
                OutcomeUnknown = IsStateChanging(reply.Endpoint.Service),
            };
        }
    }

    /// <summary>Services whose request changes state at SEFAZ: an unreadable answer leaves their outcome unknown.</summary>
    private static bool IsStateChanging(SefazService service) =>
        service is SefazService.NFeAutorizacao4 or SefazService.NFeRecepcaoEvento4 or SefazService.NFeInutilizacao4;
}
