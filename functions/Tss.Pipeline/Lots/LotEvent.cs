using Tss.Protocol.Messages;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Lots;

/// <summary>What happened to a lot: answers from SEFAZ, transport failures, timers.</summary>
public abstract record LotEvent
{
    /// <summary>The lot was assembled and its documents claimed: send it.</summary>
    public sealed record Start : LotEvent;

    /// <summary>The lot's message was redelivered while the lot was mid-send (the process died after the
    /// write-ahead): whether SEFAZ received it is unknown.</summary>
    public sealed record Resumed : LotEvent;

    public sealed record SendAnswered(RetEnviNFe Answer) : LotEvent;

    public sealed record SendFailed(SefazErrorCode Code, bool OutcomeUnknown) : LotEvent;

    public sealed record TimerFired(LotTimer Timer, int Seq) : LotEvent;

    public sealed record ReceiptAnswered(RetConsReciNFe Answer) : LotEvent;

    public sealed record ReceiptFailed(SefazErrorCode Code) : LotEvent;

    /// <summary>One consultation round over the open keys; keys whose call failed are absent.</summary>
    public sealed record ConsultAnswered(IReadOnlyDictionary<string, RetConsSitNFe> Answers) : LotEvent;
}
