namespace Tss.Pipeline.Lots;

/// <summary>What a lot does next, after the wait its decision names.</summary>
public enum LotAction
{
    /// <summary>Send the open documents (NFeAutorizacao4): the first send, or a retry after a send that did not reach SEFAZ.</summary>
    Send,
    /// <summary>Query the receipt (NFeRetAutorizacao4).</summary>
    Poll,
    /// <summary>Consult the open documents by key (NFeConsultaProtocolo4).</summary>
    Consult,
    /// <summary>Every document has an outcome: distribute and finish.</summary>
    Close,
}
