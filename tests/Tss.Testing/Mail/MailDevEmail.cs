using System.Text.Json;

namespace Tss.Testing.Mail;

/// <summary>An e-mail as MailDev's REST API lists it (the fields the tests use).</summary>
public sealed record MailDevEmail(
    string Id,
    string Subject,
    IReadOnlyList<MailDevAddress> From,
    IReadOnlyList<MailDevAddress> To,
    string? Text,
    IReadOnlyList<MailDevAttachment>? Attachments,
    IReadOnlyDictionary<string, JsonElement>? Headers);
