using System.Globalization;
using System.Xml;
using Tss.Contracts.Entities;
using Tss.Contracts.Refusals;
using Tss.Pipeline.Events;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Reference;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client;
using Tss.Sefaz.Client.Status;

namespace Tss.Pipeline.Consultations;

/// <summary>The synchronous consultations an ERP needs, with the entity's certificate: protocol by key, service status
/// (through the shared cache: one ask per authorizer per 3 minutes however many callers), taxpayer registry.</summary>
/// <remarks>A status answer the service asked for (not one served from the cache) feeds the contingency policy, as the
/// probe's do: an ERP asking the status of a paralysed authorizer (108/109) is a signal like any other.</remarks>
public sealed class ConsultationService(SefazClient sefaz, StatusServiceCache statusCache, IEntityDirectory entities,
    Contingency.ContingencyReporter? reporter = null)
{
    /// <summary>NFeConsultaProtocolo4 for a key of the entity (the key's CNPJ must be the entity's).</summary>
    /// <exception cref="RequestRefusedException">Malformed key (400), another emitter's key (404), SEFAZ unreachable.</exception>
    public async Task<ProtocolConsultation> ConsultProtocolAsync(EntityInfo entity, string chNFe, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (chNFe is null || !AccessKey.TryParse(chNFe, out _, out _))
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidAccessKey, "Chave de acesso inválida (44 dígitos com dígito verificador correto).");
        }
        if (chNFe.Substring(6, 14) != entity.Cnpj || UfCodes.ToUf(int.Parse(chNFe.AsSpan(0, 2), CultureInfo.InvariantCulture)) is not { } uf)
        {
            throw new RequestRefusedException(RefusalKind.NotFound, PipelineErrorCodes.Events.DocumentNotFound, "NF-e não encontrada para esta empresa.");
        }
        var mod = int.Parse(chNFe.AsSpan(20, 2), CultureInfo.InvariantCulture);
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        RetConsSitNFe answer;
        try
        {
            answer = await sefaz.ConsultarProtocoloAsync(new SefazTarget(uf, mod, entity.tpAmb), cert, chNFe, ct).ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            throw SefazCodes.Unavailable(e);
        }
        return new ProtocolConsultation(answer.chNFe, answer.cStat, answer.xMotivo, answer.dhRecbto, answer.protNFe?.nProt, answer.protNFe?.cStat,
            answer.protNFe?.dhRecbto, [.. answer.procEventoNFeXml.Select(Event).OfType<ConsultedEvent>()]);
    }

    /// <summary>NFeStatusServico4 of the entity's authorizer for <paramref name="mod"/> (55 NF-e, 65 NFC-e), from the shared cache.</summary>
    public async Task<ServiceStatus> StatusAsync(EntityInfo entity, int mod, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (mod is not (55 or 65))
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidModel, "mod deve ser 55 (NF-e) ou 65 (NFC-e).");
        }
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        StatusReading reading;
        try
        {
            reading = await statusCache.GetAsync(new SefazTarget(entity.Uf, mod, entity.tpAmb), cert, ct).ConfigureAwait(false);
        }
        catch (SefazException e)
        {
            throw SefazCodes.Unavailable(e);
        }
        var a = reading.Answer;
        if (reading.Asked && a is not null && reporter is not null)
        {
            await reporter.StatusAsync(new Contingency.AuthorizerKey(entity.Uf, mod, entity.tpAmb), a.cStat, entity.TenantId, entity.Cnpj, ct).ConfigureAwait(false);
        }
        return new ServiceStatus(entity.Uf, entity.tpAmb, mod, a?.cStat, a?.xMotivo, a?.tMed, a?.dhRecbto, reading.AnsweredAt, !reading.Asked, reading.NextAskAt);
    }

    /// <summary>CadConsultaCadastro4 in <paramref name="uf"/> (default: the entity's UF) by exactly one of CNPJ, CPF or IE.</summary>
    public async Task<RetConsCad> CadastroAsync(EntityInfo entity, string? uf, string? cnpj, string? cpf, string? ie, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var target = new SefazTarget(string.IsNullOrEmpty(uf) ? entity.Uf : uf.ToUpperInvariant(), 55, entity.tpAmb);
        if (!UfCodes.All.Contains(target.Uf, StringComparer.Ordinal))
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidCadastroQuery, "uf deve ser a sigla de uma UF (ex.: SP).");
        }
        var cert = await entities.GetCertificateAsync(entity, ct).ConfigureAwait(false);
        try
        {
            return await sefaz.ConsultaCadastroAsync(target, cert, Blank(cnpj), Blank(cpf), Blank(ie), ct).ConfigureAwait(false);
        }
        catch (MessageInputException e)
        {
            throw new RequestRefusedException(RefusalKind.Invalid, PipelineErrorCodes.Events.InvalidCadastroQuery,
                "Informe exatamente um de cnpj (14 dígitos), cpf (11 dígitos) ou ie (2 a 14 dígitos).", e);
        }
        catch (SefazException e)
        {
            throw SefazCodes.Unavailable(e);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ConsultedEvent? Event(string procEventoNFe)
    {
        try
        {
            var root = SafeXml.Load(procEventoNFe).DocumentElement;
            var inf = Child(Child(root, "evento"), "infEvento");
            var ret = Child(root, "retEvento");
            if (inf is null || ret is null || !int.TryParse(Child(inf, "nSeqEvento")?.InnerText, CultureInfo.InvariantCulture, out var seq))
            {
                return null;
            }
            var parsed = NfeResponses.ParseRetEvento(ret);
            return new ConsultedEvent(Child(inf, "tpEvento")?.InnerText ?? "", seq, parsed.cStat, parsed.nProt, parsed.dhRegEvento);
        }
        catch (Exception e) when (e is XmlInputException or XmlException)
        {
            return null;
        }
    }

    private static XmlElement? Child(XmlElement? parent, string name) =>
        parent?.ChildNodes.OfType<XmlElement>().FirstOrDefault(c => c.LocalName == name && c.NamespaceURI == NfeNamespaces.Nfe);
}
