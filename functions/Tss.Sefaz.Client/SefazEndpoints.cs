using Microsoft.Extensions.Options;

namespace Tss.Sefaz.Client;

/// <summary>
/// The endpoint table for the real authorizers (own SEFAZ, SVRS, SVAN, AN) per UF, model and environment, kept as data
/// (Endpoints/*.json). When <see cref="SefazClientOptions.BaseUrlOverride"/> is set, every service resolves to
/// "{override}/{ServiceName}" instead (the simulator).
/// </summary>
public sealed class SefazEndpoints
{
    public SefazEndpoints(IOptions<SefazClientOptions> options) => throw new NotImplementedException();

    /// <summary>Resolves a service; throws <see cref="SefazException"/> with <see cref="SefazErrorCode.NoEndpoint"/> when
    /// the authorizer does not offer it.</summary>
    public SefazEndpoint Resolve(SefazTarget target, SefazService service) => throw new NotImplementedException();
}
