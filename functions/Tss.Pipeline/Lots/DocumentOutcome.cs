using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Pipeline.Lots;

/// <summary>The final outcome of one document in a lot.</summary>
public abstract record DocumentOutcome(AccessKey Key)
{
    /// <summary>100/150: authorized; the protNFe completes the procNFe. <paramref name="FromConsult"/> when it came from
    /// NFeConsultaProtocolo (duplicity or reconciliation): its digVal must be compared with the document's digest.</summary>
    public sealed record Authorized(AccessKey Key, ProtNFe Prot, bool FromConsult) : DocumentOutcome(Key);

    /// <summary>110/301/302/303/205: use denied; the number is consumed.</summary>
    public sealed record Denied(AccessKey Key, ProtNFe Prot) : DocumentOutcome(Key);

    /// <summary>Any other rejection: the document is correctable and may be resubmitted.</summary>
    public sealed record Rejected(AccessKey Key, int cStat, string xMotivo) : DocumentOutcome(Key);

    /// <summary>Not in SEFAZ's base after reconciliation: safe to send again in a new lot.</summary>
    public sealed record Requeued(AccessKey Key) : DocumentOutcome(Key);
}
