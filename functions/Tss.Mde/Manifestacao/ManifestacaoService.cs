using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Mde.Documents;
using Tss.Mde.Protocol;
using Tss.Protocol.Messages;
using Tss.Protocol.Signing;
using Tss.Runtime.Storage;
using Tss.Sefaz.Client;

namespace Tss.Mde.Manifestacao;

/// <summary>
/// Manifestação do destinatário: builds the event (cOrgao 91), signs infEvento with the company's certificate, sends it
/// through NFeRecepcaoEvento4 of the Ambiente Nacional and keeps the outcome and the procEventoNFe. Idempotent: an event
/// already registered for the key is answered from storage without calling SEFAZ again.
/// </summary>
public sealed class ManifestacaoService(SefazClient client, IEntityDirectory entities, StorageClients storage, IOptions<MdeOptions> options,
    TimeProvider time, ILogger<ManifestacaoService> logger)
{
    private readonly TableClient _table = storage.GetTable(options.Value.DocumentsTable);
    private readonly BlobContainerClient _container = storage.GetContainer(options.Value.DocumentsContainer);

    /// <exception cref="MdeException">Invalid event or justification; SEFAZ unavailable.</exception>
    public async Task<ManifestacaoResult> SendAsync(EntityInfo entity, string chNFe, string tpEvento, string? xJust, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var now = time.GetUtcNow();
        var evento = ManifestacaoRequests.Evento(entity.tpAmb, entity.Cnpj, chNFe, now, tpEvento, xJust);
        var partition = MdeDocumentRecord.PartitionFor(entity.TenantId, entity.Cnpj);
        var rowKey = ManifestacaoRecord.RowKeyFor(chNFe, tpEvento);
        var previous = await _table.GetEntityIfExistsAsync<ManifestacaoRecord>(partition, rowKey, cancellationToken: ct).ConfigureAwait(false);
        if (previous.HasValue && previous.Value!.IsRegistered)
        {
            var p = previous.Value;
            return new ManifestacaoResult(p.chNFe, p.tpEvento, p.cStat, p.xMotivo, p.nProt, p.dhRegEvento, true, Replayed: true);
        }

        var certificate = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        string signed;
        using (var signer = new XmlDsigSigner(certificate))
        {
            signed = signer.Sign(evento, "infEvento");
        }
        var envEvento = NfeRequests.EnvEvento(now.ToUnixTimeMilliseconds() % 1_000_000_000_000_000, [signed]);
        RetEnvEvento answer;
        try
        {
            answer = await client.RecepcaoEventoAsync(new SefazTarget(entity.Uf, 55, entity.tpAmb), certificate, tpEvento, envEvento, ct).ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            throw new MdeException(MdeErrorCodes.SefazUnavailable, $"A SEFAZ não respondeu ao evento ({e.Code}); tente novamente mais tarde.");
        }
        var ret = answer.retEvento.FirstOrDefault();
        var cStat = ret?.cStat ?? answer.cStat;
        var xMotivo = ret?.xMotivo ?? answer.xMotivo;
        var record = new ManifestacaoRecord
        {
            PartitionKey = partition,
            RowKey = rowKey,
            chNFe = chNFe,
            tpEvento = tpEvento,
            cStat = cStat,
            xMotivo = xMotivo,
            nProt = ret?.nProt,
            dhRegEvento = ret?.dhRegEvento,
        };
        if (ret is { IsRegistered: true })
        {
            record.BlobName = $"{entity.TenantId}/{entity.Cnpj}/eventos/{chNFe}-{tpEvento}.xml";
            await _container.GetBlobClient(record.BlobName).UploadAsync(BinaryData.FromString(NfeProcs.ProcEventoNFe(signed, ret.Xml)), overwrite: true, ct)
                .ConfigureAwait(false);
        }
        await _table.UpsertEntityAsync(record, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        Log.Manifested(logger, tpEvento, entity.Cnpj, chNFe, cStat);
        return new ManifestacaoResult(chNFe, tpEvento, cStat, xMotivo, record.nProt, record.dhRegEvento, record.IsRegistered, Replayed: false);
    }

    /// <summary>The manifestações registered (cStat 135, 136 or 573) for each of <paramref name="keys"/>, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ManifestacaoRecord>>> RegisteredAsync(string tenantId, string cnpj,
        IEnumerable<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var partition = MdeDocumentRecord.PartitionFor(tenantId, cnpj);
        var reads = keys.Distinct(StringComparer.Ordinal).Select(async chNFe =>
        {
            var prefix = ManifestacaoRecord.RowKeyPrefixFor(chNFe);
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
