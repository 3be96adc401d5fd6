namespace Tss.Testing.Mail;

/// <summary>An attachment: <see cref="GeneratedFileName"/> is the name to download it by.</summary>
public sealed record MailDevAttachment(string FileName, string GeneratedFileName, string ContentType, long Size);
