using Tss.Host.Events;
using Tss.Host.Problems;
using Tss.Pipeline.Consultations;
using Tss.Pipeline.Events;
using Tss.Pipeline.Inutilizacao;

namespace Tss.Host.Soap;

/// <summary>The event, inutilização and consultation operations, on the same services and with the same codes as REST.</summary>
public sealed partial class NfeSoapService
{
    public async Task<SoapEvent> Cancel(string cnpj, string chNFe, string xJust)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<EventRequestService>();
        return ToSoap((await service.CancelAsync(entity, chNFe ?? "", xJust, Aborted).ConfigureAwait(false)).Event);
    }

    public async Task<SoapEvent> CorrectionLetter(string cnpj, string chNFe, string xCorrecao)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<EventRequestService>();
        return ToSoap((await service.CorrectAsync(entity, chNFe ?? "", xCorrecao, Aborted).ConfigureAwait(false)).Event);
    }

    public async Task<SoapEvent[]> GetEvents(string cnpj, string chNFe)
    {
        var document = await RequireAsync(cnpj, chNFe).ConfigureAwait(false);
        var events = await Services.GetRequiredService<EventQueries>().ListAsync(document, Aborted).ConfigureAwait(false);
        return [.. events.OrderBy(e => e.CreatedAt).Select(e => ToSoap(EventView.Of(e)))];
    }

    public async Task<SoapInutilizacao> Inutilize(string cnpj, int serie, int nNFIni, int nNFFin, string xJust)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<InutilizacaoService>();
        var view = await service.RequestAsync(entity, new InutilizacaoRequest(serie, nNFIni, nNFFin, xJust), Aborted).ConfigureAwait(false);
        var record = await service.GetAsync(entity, view.Id, Aborted).ConfigureAwait(false);
        return new SoapInutilizacao
        {
            Id = view.Id,
            Status = view.Status,
            serie = view.serie,
            nNFIni = view.nNFIni,
            nNFFin = view.nNFFin,
            cStat = view.cStat,
            xMotivo = view.xMotivo,
            nProt = view.nProt,
            dhRecbto = view.dhRecbto?.UtcDateTime,
            ProcInutNFe = record is null ? null : await service.GetProcAsync(record, Aborted).ConfigureAwait(false),
        };
    }

    public async Task<SoapProtocolConsultation> ConsultProtocol(string cnpj, string chNFe)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<ConsultationService>();
        var answer = await service.ConsultProtocolAsync(entity, chNFe ?? "", Aborted).ConfigureAwait(false);
        return new SoapProtocolConsultation
        {
            chNFe = answer.chNFe,
            cStat = answer.cStat,
            xMotivo = answer.xMotivo,
            nProt = answer.nProt,
            Events = [.. answer.Events.Select(e => new SoapEvent
            {
                chNFe = answer.chNFe,
                tpEvento = e.tpEvento,
                nSeqEvento = e.nSeqEvento,
                Status = nameof(EventStatus.Registered),
                cStat = e.cStat,
                nProt = e.nProt,
                dhRegEvento = e.dhRegEvento.UtcDateTime,
            })],
        };
    }

    public async Task<SoapServiceStatus> ServiceStatus(string cnpj)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<ConsultationService>();
        var status = await service.StatusAsync(entity, 55, Aborted).ConfigureAwait(false);
        return new SoapServiceStatus
        {
            Uf = status.Uf,
            cStat = status.cStat,
            xMotivo = status.xMotivo,
            tMed = status.tMed,
            FromCache = status.FromCache,
            NextAskAt = status.NextAskAt.UtcDateTime,
        };
    }

    public async Task<SoapCadastro> ConsultCadastro(string cnpj, string? uf, string? cnpjConsultado, string? cpf, string? ie)
    {
        var entity = await EntityAsync(cnpj).ConfigureAwait(false);
        var service = Services.GetRequiredService<ConsultationService>();
        var answer = await service.CadastroAsync(entity, uf, cnpjConsultado, cpf, ie, Aborted).ConfigureAwait(false);
        return new SoapCadastro
        {
            cStat = answer.cStat,
            xMotivo = answer.xMotivo,
            Records = [.. answer.infCad.Select(r => new SoapCadastroRecord { IE = r.IE, CNPJ = r.CNPJ, CPF = r.CPF, UF = r.UF, cSit = r.cSit, xNome = r.xNome })],
        };
    }

    private static SoapEvent ToSoap(EventView e) => new()
    {
        chNFe = e.chNFe,
        tpEvento = e.tpEvento,
        nSeqEvento = e.nSeqEvento,
        Status = e.Status,
        cStat = e.cStat,
        xMotivo = e.xMotivo,
        nProt = e.nProt,
        dhRegEvento = e.dhRegEvento?.UtcDateTime,
        HasProcEventoNFe = e.HasProcEventoNFe,
    };
}
