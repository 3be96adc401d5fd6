using System.Xml;
using Microsoft.Extensions.Logging;
using Tss.Contracts.Entities;
using Tss.Pipeline.Contingency;
using Tss.Pipeline.Ingest;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Pipeline.Offline;

/// <summary>
/// Issues NFC-e off-line at once when the contingency policy says the UF's model-65 authorizer is down (or the entity
/// is forced into contingency): before ingest, each on-line NFC-e (tpEmis 1) of the request is re-keyed to tpEmis 9 with
/// dhCont and xJust (<see cref="ContingencyRekey"/>), then ingest signs it and adds the off-line QR code. The document is
/// then an ordinary pending document: the lot pipeline (a durable orchestration per lot) transmits it to the normal
/// authorizer, retrying with back-off while that one is down, so it goes out as soon as the authorizer answers.
/// </summary>
/// <remarks>
/// A document that already went out under tpEmis 1 with an unknown outcome is never re-issued here: only requests not
/// yet ingested are re-keyed; what was sent is reconciled by its lot (consultation by key), as before.
/// </remarks>
public sealed partial class OfflineEmission(ContingencyService contingency, TimeProvider time, ILogger<OfflineEmission> logger)
{
    /// <summary>The xJust written in NFC-e the service turns off-line (15–256 characters).</summary>
    public const string Justification = "Autorizador da NFC-e indisponivel: emissao off-line (tpEmis 9) conforme politica de contingencia do TSS";

    /// <summary>
    /// The items to ingest: unchanged unless the entity's model-65 authorizer is in contingency and the UF allows off-line
    /// emission, in which case each NFC-e with tpEmis 1 comes back re-keyed to tpEmis 9 (as a parsed element).
    /// </summary>
    public async Task<IReadOnlyList<IngestItem>> ApplyPolicyAsync(EntityInfo entity, IReadOnlyList<IngestItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(items);
        if (!NfceOffline.IsAllowed(entity.Uf))
        {
            return items;
        }
        var candidates = new List<(int Index, XmlElement Nfe)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (OnlineNfce(items[i]) is { } nfe)
            {
                candidates.Add((i, nfe));
            }
        }
        if (candidates.Count == 0)
        {
            return items;
        }
        var authorizer = new AuthorizerKey(entity.Uf, 65, entity.tpAmb);
        if (await contingency.ModeForAsync(authorizer, entity.TenantId, entity.Cnpj, ct).ConfigureAwait(false) != ContingencyMode.Contingency)
        {
            return items;
        }
        var result = items.ToArray();
        var now = time.GetUtcNow();
        foreach (var (index, nfe) in candidates)
        {
            var before = nfe["infNFe", NfeNamespaces.Nfe]!.GetAttribute("Id")[3..];
            foreach (var supl in nfe.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "infNFeSupl").ToList())
            {
                nfe.RemoveChild(supl); // its QR code names the on-line key; the off-line one is built after signing
            }
            string after;
            try
            {
                after = ContingencyRekey.Apply(nfe, 9, now, Justification);
            }
            catch (ArgumentException)
            {
                continue; // an inconsistent key: ingest refuses it with its code
            }
            Log.OfflineRekeyed(logger, before, after, authorizer.RowKey);
            result[index] = IngestItem.Parsed(nfe, items[index].ErpId);
        }
        return result;
    }

    /// <summary>The NFe element of an NFC-e with tpEmis 1 and a key in infNFe@Id, or null (anything else goes to ingest as it came).</summary>
    private static XmlElement? OnlineNfce(IngestItem item)
    {
        XmlElement? nfe;
        try
        {
            nfe = item.Element ?? SafeXml.Load(item.Xml, comments: XmlCommentPolicy.Refuse).DocumentElement;
        }
        catch (XmlInputException)
        {
            return null; // ingest refuses it with its code
        }
        var ide = nfe is { LocalName: "NFe", NamespaceURI: NfeNamespaces.Nfe } ? nfe["infNFe", NfeNamespaces.Nfe]?["ide", NfeNamespaces.Nfe] : null;
        return ide?["mod", NfeNamespaces.Nfe]?.InnerText == "65" && ide["tpEmis", NfeNamespaces.Nfe]?.InnerText == "1"
            && ide["verProc", NfeNamespaces.Nfe] is not null && nfe!["infNFe", NfeNamespaces.Nfe]!.GetAttribute("Id").StartsWith("NFe", StringComparison.Ordinal)
            ? nfe
            : null;
    }
}
