using System.Collections.Frozen;
using System.Globalization;
using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Offline;

/// <summary>
/// The rules of NFC-e off-line emission (tpEmis 9, PROTOCOL.md §9): model 65 only, not in a UF that does not allow it
/// (SP, which uses SAT/EPEC instead), dhCont and xJust (15–256 characters) present, and transmission within 24 h of
/// dhEmi. Pure: ingest asks <see cref="Check"/> before signing and <see cref="Mark"/> once the record exists.
/// </summary>
public static class NfceOffline
{
    /// <summary>UFs where NFC-e off-line contingency is not allowed (sped-nfe: SP uses SAT/EPEC).</summary>
    public static readonly FrozenSet<string> NotAllowedUfs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "SP");

    /// <summary>An off-line NFC-e must reach the authorizer within this time of its dhEmi.</summary>
    public static readonly TimeSpan TransmitWithin = TimeSpan.FromHours(24);

    /// <summary>How long before the limit a pending off-line NFC-e is flagged (status field and warning log): at 20 h.</summary>
    public static readonly TimeSpan AlertBefore = TimeSpan.FromHours(4);

    /// <summary>A refusal: stable code and a message for people (pt-BR).</summary>
    public sealed record Refusal(string Code, string Message);

    /// <summary>Whether off-line emission is allowed for an NFC-e of this UF.</summary>
    public static bool IsAllowed(string uf) => !NotAllowedUfs.Contains(uf ?? "");

    /// <summary>Why a document carrying tpEmis 9 cannot be accepted, or null when it can.</summary>
    public static Refusal? Check(string? mod, string uf, string? dhEmi, string? dhCont, string? xJust, DateTimeOffset now)
    {
        if (mod != "65")
        {
            return new(PipelineErrorCodes.Offline.RequiresNfce,
                "tpEmis 9 (contingência off-line) é exclusivo da NFC-e (modelo 65); NF-e modelo 55 usa SVC (tpEmis 6/7) ou EPEC (tpEmis 4).");
        }
        if (!IsAllowed(uf))
        {
            return new(PipelineErrorCodes.Offline.NotAllowed,
                $"A UF {uf} não admite NFC-e em contingência off-line (tpEmis 9); aguarde o retorno do autorizador.");
        }
        if (string.IsNullOrWhiteSpace(dhCont) || !DateTimeOffset.TryParse(dhCont, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return new(PipelineErrorCodes.Offline.MissingDhCont,
                "NFC-e off-line (tpEmis 9) exige ide/dhCont, a data e hora de entrada em contingência.");
        }
        if (xJust?.Trim() is not { Length: >= 15 and <= 256 })
        {
            return new(PipelineErrorCodes.Offline.MissingJustification,
                "NFC-e off-line (tpEmis 9) exige ide/xJust, a justificativa da contingência, com 15 a 256 caracteres.");
        }
        if (IssuedAt(dhEmi) is { } issued && now > issued + TransmitWithin)
        {
            return new(PipelineErrorCodes.Offline.DeadlinePassed,
                $"NFC-e off-line emitida em {issued:yyyy-MM-dd HH:mm:sszzz}: o prazo de 24 h para transmiti-la terminou.");
        }
        return null;
    }

    /// <summary>Marks a stored record as an off-line NFC-e: issued at dhEmi, to be transmitted within 24 h of it.</summary>
    public static void Mark(DocumentRecord record, string? dhEmi)
    {
        ArgumentNullException.ThrowIfNull(record);
        var issued = IssuedAt(dhEmi) ?? record.ReceivedAt;
        record.OfflineIssuedAt = issued;
        record.OfflineTransmitBy = issued + TransmitWithin;
    }

    /// <summary>The off-line state of a document, or null when it was not issued off-line.</summary>
    public static OfflineState? StateOf(DocumentRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.OfflineTransmitBy is not { } by)
        {
            return null;
        }
        var transmitted = record.Status is nameof(DocumentStatus.Authorized) or nameof(DocumentStatus.Denied)
            or nameof(DocumentStatus.Rejected) or nameof(DocumentStatus.Cancelled);
        return new OfflineState(9, record.OfflineIssuedAt ?? by - TransmitWithin, by, transmitted, !transmitted && NearLimit(record, now));
    }

    /// <summary>Whether an off-line NFC-e still waiting for its authorization is within <see cref="AlertBefore"/> of its limit.</summary>
    public static bool NearLimit(DocumentRecord record, DateTimeOffset now) =>
        record?.OfflineTransmitBy is { } by && now >= by - AlertBefore;

    private static DateTimeOffset? IssuedAt(string? dhEmi) =>
        DateTimeOffset.TryParse(dhEmi, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
