using Azure.Data.Tables;
using Tss.Contracts.Entities;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Documents;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Xml;

namespace Tss.Pipeline.Ingest;

public sealed partial class IngestService
{
    /// <summary>The entity's contingency for NF-e now (one cached read per request); null when the policy is not registered.</summary>
    private static async Task<IngestContingency?> ContingencyAsync(ContingencyService? contingency, EntityInfo entity, CancellationToken ct)
    {
        if (contingency is null)
        {
            return null;
        }

        var key = new AuthorizerKey(entity.Uf, 55, entity.tpAmb);
        return new IngestContingency(contingency.IsAllowed(key), contingency.SvcTpEmis(key),
            await contingency.IssueForAsync(key, entity.TenantId, entity.Cnpj, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Only a document never seen is re-keyed: when its tpEmis 1 key is already stored (pending, in a lot — perhaps sent
    /// to the normal authorizer with an unknown outcome — or final), it keeps that key and the usual resubmission rules
    /// apply (its lot reconciles it; a second key for the same number is never made). The item comes back parsed so the
    /// XML is read once.
    /// </summary>
    private static async Task<(IngestItem Item, IngestContingency? Mode)> ForItemAsync(TableClient documents, IngestItem item,
        EntityInfo entity, IngestContingency? mode, CancellationToken ct)
    {
        if (mode?.Issue is null)
        {
            return (item, mode);
        }

        System.Xml.XmlElement nfe;
        try
        {
            nfe = item.Element ?? SafeXml.Load(item.Xml, comments: XmlCommentPolicy.Refuse).DocumentElement!;
        }
        catch (XmlInputException)
        {
            return (item, mode); // refused by the preparation with its code
        }

        var parsed = item.Element is null ? IngestItem.Parsed(nfe, item.ErpId) : item;
        if (!AccessKey.TryParse(NfeKeyConsistency.ReadKey(nfe), out var key, out _) || key.tpEmis != 1)
        {
            return (parsed, mode);
        }

        var stored = await documents.GetEntityIfExistsAsync<TableEntity>(
            DocumentRecord.PartitionFor(entity.TenantId, key), key.Value, ["PartitionKey"], ct).ConfigureAwait(false);
        return stored.HasValue ? (parsed, mode with { Issue = null }) : (parsed, mode);
    }
}
