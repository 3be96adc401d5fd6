namespace Tss.Portal.Entities;

/// <summary>How close a certificate is to its expiry, for the pages.</summary>
public sealed record CertificateStatus(DateTimeOffset NotAfter, DateTimeOffset Now, int WarningDays)
{
    public bool IsExpired => Now >= NotAfter;
    public int DaysLeft => Math.Max(0, (int)Math.Floor((NotAfter - Now).TotalDays));
    public bool IsNearExpiry => !IsExpired && NotAfter - Now <= TimeSpan.FromDays(WarningDays);
}
