using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tss.Mde;
using Tss.Mde.Documents;
using Tss.Mde.Manifestacao;
using Tss.Mde.Protocol;
using Tss.Portal.Entities;
using Tss.Runtime.Storage;

namespace Tss.Portal.Mde;

/// <summary>
/// Manifestação do destinatário for the inbox: validates the form, and reads the manifestações registered per key
/// (<see cref="ManifestacaoRecord"/> rows, kept by <see cref="ManifestacaoService"/> in the company's partition of the
/// MD-e documents table; <see cref="MdeDocumentStore"/> does not list them).
/// </summary>
public sealed class PortalManifestacoes(StorageClients storage, IOptions<MdeOptions> options)
{
    private readonly TableClient _table = storage.GetTable(options.Value.DocumentsTable);

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

    /// <summary>The manifestações registered (cStat 135, 136 or 573) for each of <paramref name="keys"/>, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ManifestacaoRecord>>> RegisteredAsync(string tenantId, string cnpj,
        IEnumerable<string> keys, CancellationToken ct)
    {
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var reads = keys.Distinct(StringComparer.Ordinal).Select(async chNFe =>
        {
            var prefix = $"man-{chNFe}-";
            var rows = new List<ManifestacaoRecord>();
            await foreach (var row in _table.QueryAsync<ManifestacaoRecord>(
                e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) > 0 && e.RowKey.CompareTo(prefix + "~") < 0, cancellationToken: ct)
                .ConfigureAwait(false))
            {
                if (row.IsRegistered)
                {
                    rows.Add(row);
                }
            }
            return (chNFe, Rows: (IReadOnlyList<ManifestacaoRecord>)[.. rows.OrderBy(r => r.dhRegEvento)]);
        });
        var all = await Task.WhenAll(reads).ConfigureAwait(false);
        return all.Where(r => r.Rows.Count > 0).ToDictionary(r => r.chNFe, r => r.Rows, StringComparer.Ordinal);
    }
}
