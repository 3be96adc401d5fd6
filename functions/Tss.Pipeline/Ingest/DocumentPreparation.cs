using System.Text;
using System.Xml;
using Tss.Contracts.Documents;
using Tss.Contracts.Entities;
using Tss.Pipeline.Documents;
using Tss.Pipeline.Offline;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Nfce;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;

namespace Tss.Pipeline.Ingest;

/// <summary>Validates and signs one submitted NF-e or NFC-e (pure CPU work; nothing stored).</summary>
public static class DocumentPreparation
{
    /// <summary>The largest signed NF-e kept inline in its table entity (a string property holds 32K UTF-16 characters).</summary>
    public const int MaxInlineChars = 30_000;

    /// <param name="Fingerprint">The document's <see cref="DocumentFingerprint"/> (for its number row), when accepted.</param>
    public sealed record Outcome(DocumentRecord? Record, IngestedDocument? Refusal, string? Signed = null, string? Fingerprint = null);

    /// <param name="contingency">For NF-e (55): SVC documents are checked, and a tpEmis 1 one is re-keyed while
    /// <see cref="IngestContingency.Issue"/> is set; null skips contingency entirely.</param>
    public static Outcome Prepare(IngestItem item, EntityInfo entity, XmlDsigSigner signer, bool sync, DateTimeOffset now,
        IngestContingency? contingency = null)
    {
        XmlElement nfe;
        try
        {
            // Comments and processing instructions would travel inside the signed XML to SEFAZ unseen by the schema.
            nfe = item.Element ?? SafeXml.Load(item.Xml, comments: XmlCommentPolicy.Refuse).DocumentElement!;
        }
        catch (XmlInputException e)
        {
            return Refuse(item, null, e.Code, e.Message);
        }
        if (nfe.LocalName != "NFe" || nfe.NamespaceURI != NfeNamespaces.Nfe)
        {
            return Refuse(item, null, PipelineErrorCodes.Ingest.NotAnNFe, $"O elemento raiz deve ser NFe ({NfeNamespaces.Nfe}), não {nfe.LocalName}.");
        }
        foreach (var old in nfe.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Signature").ToList())
        {
            nfe.RemoveChild(old); // we sign with the entity's certificate
        }
        var key = NfeKeyConsistency.ReadKey(nfe);
        var issues = NfeKeyConsistency.Check(nfe);
        if (key is null || issues.Count > 0)
        {
            var first = issues.FirstOrDefault();
            return Refuse(item, key, PipelineErrorCodes.Ingest.KeyInconsistent, first is null ? "infNFe sem Id válido." : $"{first.cStat} - {first.Message}");
        }
        var emit = Text(nfe, "emit", "CNPJ");
        if (emit != entity.Cnpj)
        {
            return Refuse(item, key, PipelineErrorCodes.Ingest.EmitterMismatch, $"O emitente {emit ?? "(sem CNPJ)"} não é a empresa {entity.Cnpj} desta requisição.");
        }
        var tpAmb = Text(nfe, "ide", "tpAmb");
        if (tpAmb != entity.tpAmb.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return Refuse(item, key, PipelineErrorCodes.Ingest.EnvironmentMismatch, $"tpAmb {tpAmb} difere do ambiente {entity.tpAmb} configurado para a empresa.");
        }
        var mod = Text(nfe, "ide", "mod");
        if (mod is not ("55" or "65"))
        {
            return Refuse(item, key, PipelineErrorCodes.Ingest.ModelUnsupported, $"Modelo {mod} ainda não suportado por este serviço (apenas 55 e 65).");
        }
        var tpEmis = Text(nfe, "ide", "tpEmis");
        var offline = tpEmis == "9";
        if (offline && NfceOffline.Check(mod, entity.Uf, Text(nfe, "ide", "dhEmi"), Text(nfe, "ide", "dhCont"), Text(nfe, "ide", "xJust"), now)
            is { } offlineRefusal)
        {
            return Refuse(item, key, offlineRefusal.Code, offlineRefusal.Message);
        }
        if (mod == "65" && !offline)
        {
            // NFC-e: the QR code (infNFeSupl) sits outside infNFe, so it is added before signing; one the ERP built
            // is kept. Off-line (tpEmis 9) adds its own after signing (it carries the DigestValue); no other tpEmis yet.
            if (tpEmis != "1")
            {
                return Refuse(item, key, PipelineErrorCodes.Ingest.NfceContingencyUnsupported,
                    "NFC-e em contingência só é aceita off-line (tpEmis 9); EPEC e outras formas ainda não são suportadas por este serviço.");
            }
            NfceQrCode.AddTo(nfe, key, entity.tpAmb, entity.Uf, entity.NfceCsc);
        }
        else if (contingency is not null)
        {
            // Before signing: tpEmis, dhCont, xJust and the key are inside infNFe.
            (key, var code, var message) = ContingencyIngest.Apply(nfe, key, entity.Uf, contingency);
            if (code is not null)
            {
                return Refuse(item, key, code, message!);
            }
        }

        // Signed in place: the NFe may be one of several in a parsed enviNFe (the signer canonicalizes it as its own document).
        var digest = signer.Sign(nfe["infNFe", NfeNamespaces.Nfe]!); // present: the key was read from its Id
        if (offline)
        {
            NfceOfflineQrCode.AddTo(nfe, key, entity.Uf, digest, entity.NfceCsc, signer.Certificate);
        }
        var signed = nfe.OuterXml;
        var schema = NfeSchemas.Shared.Validate(signed, "nfe_v4.00.xsd");
        if (!schema.IsValid)
        {
            return new(null, new IngestedDocument(0, key, item.ErpId, null, PipelineErrorCodes.Ingest.SchemaInvalid,
                $"O documento não é válido no schema {schema.SchemaFile}.", schema.Errors));
        }

        var record = new DocumentRecord
        {
            PartitionKey = DocumentRecord.PartitionFor(entity.TenantId, AccessKey.Parse(key)),
            RowKey = key,
            TenantId = entity.TenantId,
            Cnpj = entity.Cnpj,
            ErpId = item.ErpId,
            mod = mod == "65" ? 65 : 55,
            tpAmb = entity.tpAmb,
            Uf = entity.Uf,
            Status = nameof(DocumentStatus.Pending),
            SyncRequested = sync,
            SignedXml = signed.Length <= MaxInlineChars ? signed : null,
            SignedBytes = Encoding.UTF8.GetByteCount(signed),
            DigestValue = digest,
            ReceivedAt = now,
            UpdatedAt = now,
        };
        if (offline)
        {
            NfceOffline.Mark(record, Text(nfe, "ide", "dhEmi"));
        }
        if (mod == "55" && key[34] == '4')
        {
            // EPEC: stored without its pending marker; the EPEC is registered at the Ambiente Nacional first.
            record.EpecStatus = Epec.EpecStatus.Awaiting;
        }
        if (record.SignedXml is null)
        {
            record.SignedBlob = $"{record.PartitionKey.Replace('|', '/')}/{key}.xml";
        }
        record.AddHistory(now, "Pending");
        return new(record, null, signed, DocumentFingerprint.Of(nfe));
    }

    private static Outcome Refuse(IngestItem item, string? key, string code, string message) =>
        new(null, new IngestedDocument(0, key, item.ErpId, null, code, message));

    private static string? Text(XmlElement nfe, string group, string field)
    {
        var inf = nfe.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().FirstOrDefault();
        var g = inf?.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == group);
        return g?.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == field)?.InnerText;
    }
}
