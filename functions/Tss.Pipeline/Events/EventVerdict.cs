using Tss.Protocol.Messages;

namespace Tss.Pipeline.Events;

/// <summary>What to do with one sent event.</summary>
public abstract record EventVerdict
{
    /// <summary>Registered (135/136/155).</summary>
    public sealed record Registered(RetEvento Ret) : EventVerdict;

    /// <summary>Refused (final): nothing changed at SEFAZ.</summary>
    public sealed record Refused(int? cStat, string xMotivo, DateTimeOffset? dhRegEvento) : EventVerdict;

    /// <summary>Already registered by an earlier send (573): read it with NFeConsultaProtocolo.</summary>
    public sealed record Consult : EventVerdict;

    /// <summary>Not registered: send again.</summary>
    public sealed record Resend : EventVerdict;
}
