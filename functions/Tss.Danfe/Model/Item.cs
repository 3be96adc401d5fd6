namespace Tss.Danfe.Model;

/// <summary>One det: product and the tax columns of the DANFE's product table.</summary>
/// <param name="Cst">orig + CST (or CSOSN), e.g. "000" or "0102".</param>
internal sealed record Item(
    int nItem, string cProd, string xProd, string? NCM, string Cst, string? CFOP, string? uCom, decimal qCom, decimal vUnCom, decimal vProd,
    decimal vDesc, decimal vBCIcms, decimal vICMS, decimal pICMS, decimal vIPI, decimal pIPI, string? infAdProd);
