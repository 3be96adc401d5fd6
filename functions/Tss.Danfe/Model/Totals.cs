namespace Tss.Danfe.Model;

/// <summary>total/ICMSTot as printed in "cálculo do imposto".</summary>
internal sealed record Totals(
    decimal vBC, decimal vICMS, decimal vICMSDeson, decimal vFCP, decimal vBCST, decimal vST, decimal vFCPST, decimal vProd, decimal vFrete,
    decimal vSeg, decimal vDesc, decimal vII, decimal vIPI, decimal vPIS, decimal vCOFINS, decimal vOutro, decimal vNF, decimal vTotTrib,
    decimal vICMSUFDest, decimal vICMSUFRemet, decimal vFCPUFDest);
