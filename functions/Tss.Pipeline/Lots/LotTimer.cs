namespace Tss.Pipeline.Lots;

/// <summary>What a durable timer of a lot does when it fires.</summary>
public enum LotTimer
{
    /// <summary>Retry a send that did not reach SEFAZ (connection refused, 108/109, 656 wait).</summary>
    Send,
    /// <summary>Query the receipt (NFeRetAutorizacao4).</summary>
    Poll,
    /// <summary>Consult the open documents by key (NFeConsultaProtocolo4).</summary>
    Consult,
}
