using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Pipeline.Events;
using Tss.Protocol;
using Tss.Protocol.Messages;
using Tss.Protocol.Reactions;
using Tss.Protocol.Reference;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Inutilizacao;

/// <summary>
/// Voids number ranges, synchronously in the request: NFeInutilizacao4 answers at once, there is nothing to batch,
/// and the ERP wants the answer (the numbers it may skip) now. Crash safety without a queue: the signed request is
/// written (Sending) before it is sent, and the record id is the range itself, so asking again for a range whose
/// outcome is unknown resends the same signed bytes; a resend answered 563 ("already voided") is recorded as voided.
/// </summary>
public sealed partial class InutilizacaoService(
    TableServiceClient tables,
    BlobServiceClient blobs,
    SefazClient sefaz,
    IEntityDirectory entities,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<InutilizacaoService> logger)
{
    /// <summary>A send recorded this recently is taken as still in flight (above the SEFAZ read timeout); an older one
    /// had its outcome lost and is resent with the same signed bytes.</summary>
    private static readonly TimeSpan SendInProgress = TimeSpan.FromMinutes(3);

    private readonly PipelineOptions _o = options.Value;

    private TableClient Documents => tables.GetTableClient(_o.DocumentsTable);

    /// <exception cref="RequestRefusedException">Bad input (400), a send already in flight (409), SEFAZ unreachable (502/504).</exception>
    public async Task<InutilizacaoView> RequestAsync(EntityInfo entity, InutilizacaoRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var ano = request.ano ?? now.ToOffset(TimeSpan.FromHours(-3)).Year % 100;
        var xJust = request.xJust?.Trim() ?? "";
        var cUF = UfCodes.ToCode(entity.Uf);
        string unsigned;
        try
        {
            unsigned = NfeRequests.InutNFe(entity.tpAmb, cUF, ano, entity.Cnpj, request.mod, request.serie, request.nNFIni, request.nNFFin, xJust);
        }
        catch (MessageInputException e)
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidInutilizacao, Explain(e.Code));
        }
        var id = NfeRequests.InutilizacaoId(cUF, ano, entity.Cnpj, request.mod, request.serie, request.nNFIni, request.nNFFin)[2..];
        var partition = InutilizacaoRecord.PartitionFor(entity.TenantId, entity.Cnpj);
        var existing = await ReadAsync(partition, id, ct).ConfigureAwait(false);
        if (existing?.StatusValue == InutilizacaoStatus.Voided)
        {
            return InutilizacaoView.Of(existing);
        }
        if (existing is { StatusValue: InutilizacaoStatus.Sending, SentAt: { } sentAt } && now - sentAt < SendInProgress)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.InutilizacaoInProgress,
                "Esta faixa já está sendo enviada à SEFAZ; consulte o resultado em instantes.");
        }

        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        // An earlier send may have reached SEFAZ: repeat exactly what was signed then.
        var resend = existing is { StatusValue: InutilizacaoStatus.Sending or InutilizacaoStatus.Unknown, SignedXml: not null };
        var record = existing ?? new InutilizacaoRecord { PartitionKey = partition, RowKey = InutilizacaoRecord.RowFor(id), CreatedAt = now };
        if (!resend)
        {
            using var signer = new XmlDsigSigner(cert);
            record.SignedXml = signer.Sign(unsigned, "infInut");
            record.xJust = xJust;
        }
        record.TenantId = entity.TenantId;
        record.Cnpj = entity.Cnpj;
        record.Uf = entity.Uf;
        record.tpAmb = entity.tpAmb;
        record.mod = request.mod;
        record.serie = request.serie;
        record.nNFIni = request.nNFIni;
        record.nNFFin = request.nNFFin;
        record.ano = ano;
        record.Status = nameof(InutilizacaoStatus.Sending);
        record.SentAt = now;
        record.SendAttempts++;
        record.cStat = null;
        record.xMotivo = null;
        record.UpdatedAt = now;
        await WriteAsync(record, existing is null, ct).ConfigureAwait(false);

        RetInutNFe answer;
        try
        {
            answer = await sefaz.InutilizacaoAsync(new SefazTarget(entity.Uf, request.mod, entity.tpAmb), cert, record.SignedXml!, ct).ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            record.Status = e.OutcomeUnknown ? nameof(InutilizacaoStatus.Unknown) : nameof(InutilizacaoStatus.NotSent);
            record.UpdatedAt = time.GetUtcNow();
            await WriteAsync(record, false, CancellationToken.None).ConfigureAwait(false);
            throw SefazCodes.Unavailable(e);
        }

        record.cStat = answer.cStat;
        record.xMotivo = answer.xMotivo;
        record.UpdatedAt = time.GetUtcNow();
        var reaction = CStatTables.Inutilizacao.React(answer.cStat);
        if (reaction == CStatReaction.VoidRange)
        {
            var proc = NfeProcs.ProcInutNFe(record.SignedXml!, answer.Xml);
            var check = NfeSchemas.Shared.Validate(proc, "procInutNFe_v4.00.xsd");
            if (!check.IsValid)
            {
                Log.InutilizacaoProcInvalid(logger, id, check.Errors[0].Message);
            }
            var name = InutilizacaoRecord.BlobName(partition, id);
            await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(name).UploadAsync(BinaryData.FromString(proc), overwrite: true, ct).ConfigureAwait(false);
            record.ProcBlob = name;
            record.nProt = answer.nProt;
            record.dhRecbto = answer.dhRecbto;
            record.Status = nameof(InutilizacaoStatus.Voided);
        }
        else if (reaction == CStatReaction.AlreadyRegistered && resend)
        {
            // Our earlier, unanswered send voided it; SEFAZ has no service that returns that answer again.
            record.dhRecbto = answer.dhRecbto;
            record.Status = nameof(InutilizacaoStatus.Voided);
        }
        else
        {
            record.Status = nameof(InutilizacaoStatus.Rejected);
        }
        await WriteAsync(record, false, CancellationToken.None).ConfigureAwait(false);
        Log.InutilizacaoAnswered(logger, entity.TenantId, id, record.Status, answer.cStat);
        return InutilizacaoView.Of(record);
    }

    /// <summary>The record of an entity's inutilização by id, or null.</summary>
    public async Task<InutilizacaoRecord?> GetAsync(EntityInfo entity, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return id is { Length: 41 } && id.All(char.IsAsciiLetterOrDigit)
            ? await ReadAsync(InutilizacaoRecord.PartitionFor(entity.TenantId, entity.Cnpj), id, ct).ConfigureAwait(false)
            : null;
    }

    /// <summary>The stored procInutNFe of a voided range, or null.</summary>
    public async Task<string?> GetProcAsync(InutilizacaoRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(record.ProcBlob))
        {
            return null;
        }
        return (await blobs.GetBlobContainerClient(_o.ProcContainer).GetBlobClient(record.ProcBlob).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content.ToString();
    }

    private async Task<InutilizacaoRecord?> ReadAsync(string partition, string id, CancellationToken ct)
    {
        var read = await Documents.GetEntityIfExistsAsync<InutilizacaoRecord>(partition, InutilizacaoRecord.RowFor(id), cancellationToken: ct).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }

    /// <summary>Insert or compare-and-swap; a concurrent request for the same range loses with 409 inut.in_progress.</summary>
    private async Task WriteAsync(InutilizacaoRecord record, bool insert, CancellationToken ct)
    {
        try
        {
            var response = insert
                ? await Documents.AddEntityAsync(record, ct).ConfigureAwait(false)
                : await Documents.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            record.ETag = response.Headers.ETag ?? record.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new RequestRefusedException(RefusalKind.Conflict, PipelineErrorCodes.Events.InutilizacaoInProgress,
                "Esta faixa está sendo enviada por outra requisição; consulte o resultado em instantes.");
        }
    }

    private static string Explain(string code) => code switch
    {
        ProtocolErrorCodes.Message.XJust => "xJust deve ter de 15 a 255 caracteres, sem quebras de linha ou caracteres de controle.",
        ProtocolErrorCodes.Message.Serie => "serie deve estar entre 0 e 999.",
        ProtocolErrorCodes.Message.NumberRange => "A faixa deve ter 1 ≤ nNFIni ≤ nNFFin ≤ 999999999.",
        ProtocolErrorCodes.Message.Ano => "ano deve ter dois dígitos (00 a 99).",
        ProtocolErrorCodes.Message.Mod => "mod deve ser 55 (NF-e) ou 65 (NFC-e).",
        _ => string.Create(CultureInfo.InvariantCulture, $"Pedido de inutilização inválido ({code})."),
    };
}
