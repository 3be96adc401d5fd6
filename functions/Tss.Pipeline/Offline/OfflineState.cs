namespace Tss.Pipeline.Offline;

/// <summary>
/// How an NFC-e issued off-line (tpEmis 9) stands: issued (printable at once), to be transmitted to the normal authorizer
/// by <see cref="TransmitBy"/> (dhEmi + 24 h); <see cref="NearLimit"/> once less than 4 h remain and it is still not authorized.
/// </summary>
/// <param name="TpEmis">Always 9.</param>
/// <param name="IssuedAt">dhEmi.</param>
/// <param name="TransmitBy">The transmission limit.</param>
/// <param name="Transmitted">The authorizer has answered for it (authorized, denied or rejected).</param>
/// <param name="NearLimit">Still not transmitted and less than 4 h (<see cref="NfceOffline.AlertBefore"/>) remain.</param>
public sealed record OfflineState(int TpEmis, DateTimeOffset IssuedAt, DateTimeOffset TransmitBy, bool Transmitted, bool NearLimit);
