using Tss.Mde;
using Tss.Mde.Manifestacao;
using Tss.Mde.Protocol;
using Tss.Portal.Entities;

namespace Tss.Portal.Mde;

/// <summary>
/// Manifestação do destinatário for the inbox: validates the form, and lists the manifestações registered per key
/// (kept by <see cref="ManifestacaoService"/>).
/// </summary>
public sealed class PortalManifestacoes(ManifestacaoService service)
{
    /// <summary>Field errors of a manifestação form ("tpEvento", "xJust"); the justification only counts for 210240.</summary>
    public static FieldErrors Validate(string? tpEvento, string? xJust)
    {
        var errors = new FieldErrors();
        if (tpEvento is null || !ManifestacaoRequests.Descriptions.ContainsKey(tpEvento))
        {
            errors.Add("tpEvento", MdeErrorCodes.InvalidTpEvento, ManifestacaoTexts.TpEventoInvalid);
        }
        else if (tpEvento == ManifestacaoRequests.OperacaoNaoRealizada && (xJust?.Trim() ?? "") is var text
            && (text.Length is < 15 or > 255 || text.Any(char.IsControl)))
        {
            errors.Add("xJust", MdeErrorCodes.InvalidXJust, ManifestacaoTexts.XJustRequired);
        }
        return errors;
    }

    /// <summary>The manifestações registered for each of <paramref name="keys"/> (read where the service keeps them).</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ManifestacaoRecord>>> RegisteredAsync(string tenantId, string cnpj,
        IEnumerable<string> keys, CancellationToken ct) => service.RegisteredAsync(tenantId, cnpj, keys, ct);
}
