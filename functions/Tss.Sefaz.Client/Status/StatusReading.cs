using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Status;

/// <summary>What a caller learns about an authorizer's status.</summary>
/// <param name="Answer">The latest known answer, or null when none was ever obtained (or the only ask failed).</param>
/// <param name="AnsweredAt">When <paramref name="Answer"/> was received.</param>
/// <param name="Asked">True when this call's flight asked the authorizer; false when the answer came from the cache.</param>
/// <param name="NextAskAt">The earliest instant at which the authorizer may be asked again.</param>
public sealed record StatusReading(RetConsStatServ? Answer, DateTimeOffset? AnsweredAt, bool Asked, DateTimeOffset NextAskAt);
