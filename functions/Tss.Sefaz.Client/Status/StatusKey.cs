namespace Tss.Sefaz.Client.Status;

/// <summary>
/// What the 3-minute rule counts per: one authorizer (SP, SVRS, SVC-AN, …) for one model and environment. UFs served by
/// the same authorizer share its status.
/// </summary>
public sealed record StatusKey(string Authorizer, int Model, int tpAmb);
