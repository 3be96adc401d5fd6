namespace Tss.Pipeline.Lots;

/// <summary>Side effects the workflow asks for; the stage handlers carry them out idempotently.</summary>
public abstract record LotCommand
{
    /// <summary>Send the open documents (NFeAutorizacao4), synchronously when <paramref name="indSinc"/>.</summary>
    public sealed record Send(bool indSinc) : LotCommand;

    /// <summary>Query the receipt (NFeRetAutorizacao4).</summary>
    public sealed record Poll(string nRec) : LotCommand;

    /// <summary>Consult documents by key (NFeConsultaProtocolo4).</summary>
    public sealed record Consult(IReadOnlyList<string> Keys) : LotCommand;

    /// <summary>Schedule a durable timer.</summary>
    public sealed record Schedule(LotTimer Timer, DateTimeOffset DueAt, int Seq) : LotCommand;

    /// <summary>Record the outcome of one document (procNFe, status, credits, distribution).</summary>
    public sealed record Resolve(DocumentOutcome Outcome) : LotCommand;

    /// <summary>The lot is finished.</summary>
    public sealed record Close : LotCommand;
}
