using Tss.Protocol.Reactions;

namespace Tss.Protocol.Messages;

/// <summary>retEvento/infEvento: the answer for one event (135/136 registered, or a rejection such as 573 or 580).</summary>
/// <param name="nProt">Registration protocol of the event; absent on rejections.</param>
/// <param name="Xml">The whole retEvento element as received (with the namespace declarations it inherited), ready
/// to be stored in procEventoNFe (see <see cref="NfeProcs.ProcEventoNFe"/>).</param>
public sealed record RetEvento(
    int tpAmb,
    string verAplic,
    int cOrgao,
    int cStat,
    string xMotivo,
    string? chNFe,
    string? tpEvento,
    string? xEvento,
    int? nSeqEvento,
    string? CNPJDest,
    string? CPFDest,
    string? emailDest,
    DateTimeOffset dhRegEvento,
    string? nProt,
    string Xml)
{
    /// <summary>True for 135 (registered and linked), 136 (registered, not linked) and 155 (late cancellation).</summary>
    public bool IsRegistered => CStatTables.Evento.React(cStat) == CStatReaction.Register;
}
