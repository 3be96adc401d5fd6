namespace Tss.Pipeline.Ingest;

/// <summary>One document of an ingest request: the NFe XML and the ERP's own id for it (optional).</summary>
public sealed record IngestItem(string Xml, string? ErpId);
