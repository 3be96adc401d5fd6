using Microsoft.Extensions.Options;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client.Internal;

namespace Tss.Sefaz.Client;

/// <summary>
/// The endpoint table for the real authorizers (own SEFAZ, SVRS, SVAN, AN, SVC-AN, SVC-RS) per UF, model and
/// environment, kept as data (Endpoints/nfe.json). When <see cref="SefazClientOptions.BaseUrlOverride"/> is set, every
/// service resolves to "{override}/{ServiceName}" instead (the simulator), and an SVC's to "{override}/{SVC-AN|SVC-RS}/{ServiceName}".
/// </summary>
public sealed class SefazEndpoints
{
    private readonly Uri? _override;
    private readonly EndpointTable _table = EndpointTable.Embedded;

    public SefazEndpoints(IOptions<SefazClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // An empty override (e.g. Sefaz__BaseUrlOverride= over a settings file that names the simulator) means the real table.
        _override = options.Value.BaseUrlOverride is { IsAbsoluteUri: true } url ? url : null;
    }

    /// <summary>Resolves a service; throws <see cref="SefazException"/> with <see cref="SefazErrorCode.NoEndpoint"/> when
    /// the authorizer does not offer it. A target with <see cref="SefazTarget.Contingency"/> resolves the UF's services at that SVC.</summary>
    public SefazEndpoint Resolve(SefazTarget target, SefazService service)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckTarget(target);
        var authorizer = _table.National.TryGetValue(service, out var national)
            ? national
            : target.Contingency is { } svc
                ? svc
            : _table.Ufs.TryGetValue((target.Model, target.Uf), out var own)
                ? own
                : throw NoEndpoint($"UF '{target.Uf}' has no authorizer for model {target.Model}.");
        return ResolveAt(authorizer, target.Model, target.tpAmb, service);
    }

    /// <summary>
    /// Resolves NFeRecepcaoEvento4 for an event type: the authorizer the endpoint table names for <paramref name="tpEvento"/>
    /// (the AN for manifestação and EPEC), otherwise the emitter's own authorizer.
    /// </summary>
    public SefazEndpoint ResolveEvent(SefazTarget target, string tpEvento)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(tpEvento);
        return _table.EventAuthorizers.TryGetValue(tpEvento, out var authorizer)
            ? ResolveAt(authorizer, target.Model, target.tpAmb, SefazService.NFeRecepcaoEvento4)
            : Resolve(target, SefazService.NFeRecepcaoEvento4);
    }

    /// <summary>
    /// Resolves a service at the UF's contingency authorizer (SVC-AN or SVC-RS, tpEmis 6/7). NF-e (55) only: NFC-e has
    /// no SVC.
    /// </summary>
    public SefazEndpoint ResolveContingency(SefazTarget target, SefazService service)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckTarget(target);
        var authorizer = _table.Contingency.TryGetValue((target.Model, target.Uf), out var svc)
            ? svc
            : throw NoEndpoint($"UF '{target.Uf}' has no contingency authorizer for model {target.Model}.");
        return ResolveAt(authorizer, target.Model, target.tpAmb, service);
    }

    /// <summary>Resolves a service at a named authorizer (e.g. "AN" for manifestação and EPEC events).</summary>
    public SefazEndpoint ResolveAt(string authorizer, int model, int tpAmb, SefazService service)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        CheckTarget(new SefazTarget("", model, tpAmb));
        if (_override is not null)
        {
            // The simulator serves the SVCs under their own path (/SVC-AN/…, /SVC-RS/…); every other authorizer at the root.
            var prefix = authorizer.StartsWith("SVC-", StringComparison.Ordinal) ? "/" + authorizer : "";
            var url = new Uri(_override.AbsoluteUri.TrimEnd('/') + prefix + "/" + service);
            return new SefazEndpoint(service, url, SoapAction(service, _table.Methods[service]), authorizer);
        }
        return _table.Entries.TryGetValue((authorizer, model, tpAmb, service), out var entry)
            ? new SefazEndpoint(service, entry.Url, SoapAction(service, entry.Method), authorizer)
            : throw NoEndpoint($"{authorizer} offers no {service} for model {model} in {(tpAmb == 1 ? "production" : "homologation")}.");
    }

    /// <summary>"http://www.portalfiscal.inf.br/nfe/wsdl/{service}/{method}".</summary>
    public static string SoapAction(SefazService service, string method) => NfeNamespaces.WsdlBase + service + "/" + method;

    private static void CheckTarget(SefazTarget target)
    {
        if (target.Model is not (55 or 65))
        {
            throw NoEndpoint($"Model {target.Model} is not an NF-e model (55 or 65).");
        }
        if (target.tpAmb is not (1 or 2))
        {
            throw NoEndpoint($"tpAmb {target.tpAmb} is neither 1 (production) nor 2 (homologation).");
        }
    }

    private static SefazException NoEndpoint(string message) => new(SefazErrorCode.NoEndpoint, message) { NotSent = true };
}
