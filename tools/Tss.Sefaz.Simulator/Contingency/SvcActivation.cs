namespace Tss.Sefaz.Simulator.Contingency;

/// <summary>
/// An SVC switched on for a UF. While <see cref="Until"/> is null it is active; once set (the UF came back) it winds down:
/// status answers 113 and documents are still accepted until then, 114 after.
/// </summary>
public sealed record SvcActivation(string Svc, string Uf, int cUF, DateTimeOffset Since, DateTimeOffset? Until = null);
