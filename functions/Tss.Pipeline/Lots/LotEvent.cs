using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Sefaz.Client;

namespace Tss.Pipeline.Lots;

/// <summary>What happened to a lot's SEFAZ call: an answer or a transport failure.</summary>
public abstract record LotEvent
{
    /// <summary>The send activity ran again and found its attempt recorded without an answer (the process died
    /// mid-send): whether SEFAZ received the lot is unknown.</summary>
    public sealed record SendInterrupted : LotEvent;

    public sealed record SendAnswered(RetEnviNFe Answer) : LotEvent;

    public sealed record SendFailed(SefazErrorCode Code, bool OutcomeUnknown) : LotEvent;

    public sealed record ReceiptAnswered(RetConsReciNFe Answer) : LotEvent;

    public sealed record ReceiptFailed(SefazErrorCode Code) : LotEvent;

    /// <summary>One consultation round over the open keys; keys whose call failed are absent.</summary>
    public sealed record ConsultAnswered(IReadOnlyDictionary<AccessKey, RetConsSitNFe> Answers) : LotEvent;
}
