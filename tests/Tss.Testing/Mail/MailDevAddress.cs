namespace Tss.Testing.Mail;

/// <summary>A sender or recipient.</summary>
public sealed record MailDevAddress(string Address, string? Name);
