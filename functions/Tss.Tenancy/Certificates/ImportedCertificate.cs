namespace Tss.Tenancy.Certificates;

/// <summary>A stored certificate: the reference to keep on the entity, and its public facts.</summary>
public sealed record ImportedCertificate(string Reference, CertificateInfo Info);
