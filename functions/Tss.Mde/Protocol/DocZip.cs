namespace Tss.Mde.Protocol;

/// <summary>One docZip of a retDistDFeInt: NSU, schema name and the Base64(GZip(xml)) text as received.</summary>
public sealed record DocZip(long Nsu, string Schema, string Base64);
