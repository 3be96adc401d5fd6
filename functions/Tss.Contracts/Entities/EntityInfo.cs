using Tss.Protocol.Nfce;

namespace Tss.Contracts.Entities;

/// <summary>An issuing company (entity) of a tenant: where its documents go and which certificate signs them.</summary>
/// <param name="Uf">UF abbreviation of the emitter (routes to the authorizer).</param>
/// <param name="tpAmb">1 production, 2 homologation.</param>
/// <param name="CertificateRef">Reference into the certificate store.</param>
/// <param name="NfceCsc">The NFC-e CSC (QR code v2), or null (QR code v3).</param>
public sealed record EntityInfo(string TenantId, string Cnpj, string Uf, int tpAmb, string CertificateRef, NfceCsc? NfceCsc = null);
