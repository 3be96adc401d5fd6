using System.Globalization;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Events;

/// <summary>The unsigned evento of a stored event request (the builders of Tss.Protocol do the schema-level checks).</summary>
public static class EventMessages
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    /// <exception cref="MessageInputException">A field cannot become a valid event.</exception>
    public static string Build(EventRecord e, DateTimeOffset dhEvento)
    {
        ArgumentNullException.ThrowIfNull(e);
        var cOrgao = int.Parse(e.chNFe.AsSpan(0, 2), CultureInfo.InvariantCulture); // the emitter's UF, from the key
        // Whole seconds in Brasília time (TDateTimeUTC has no fractions; the offset must be whole hours).
        var when = new DateTimeOffset(dhEvento.UtcTicks - (dhEvento.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(Brasilia);
        return e.tpEvento == NfeRequests.TpEventoCancelamento
            ? NfeRequests.Cancelamento(cOrgao, e.tpAmb, e.Cnpj, e.chNFe, when, e.nProtNFe ?? "", e.xJust ?? "", e.nSeqEvento)
            : NfeRequests.CartaCorrecao(cOrgao, e.tpAmb, e.Cnpj, e.chNFe, when, e.nSeqEvento, e.xCorrecao ?? "");
    }
}
