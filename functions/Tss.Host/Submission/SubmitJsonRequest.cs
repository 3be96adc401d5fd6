namespace Tss.Host.Submission;

/// <summary>JSON body of a submission: <c>{"documents":[{"xml":"&lt;NFe…","erpId":"…"}],"sync":false}</c>.</summary>
public sealed record SubmitJsonRequest(IReadOnlyList<SubmitJsonDocument>? Documents, bool Sync = false);

/// <summary>One NFe (XML text, unsigned or signed — it is signed again with the entity's certificate) and the ERP's own id for it.</summary>
public sealed record SubmitJsonDocument(string? Xml, string? ErpId);
