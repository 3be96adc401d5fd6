namespace Tss.Protocol.AccessKeys;

/// <summary>A problem of the key against the document, with the cStat SEFAZ answers for it (e.g. 227, 236, 502).</summary>
public sealed record KeyIssue(int cStat, string Message);
