namespace Tss.Danfe.Model;

/// <summary>Reforma Tributária totals (total/IBSCBSTot, ISTot and vNFTot), present only in documents that carry them.</summary>
internal sealed record IbsCbsTotals(decimal vBCIBSCBS, decimal vIBSUF, decimal vIBSMun, decimal vIBS, decimal vCBS, decimal? vIS, decimal? vNFTot);
