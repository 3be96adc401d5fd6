namespace Tss.Mde.Manifestacao;

/// <summary>Automatic ciência (210210) for an NF-e whose summary arrived.</summary>
public sealed record MdeCienciaMessage(string TenantId, string Cnpj, string chNFe);
