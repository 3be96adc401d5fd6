namespace Tss.Sefaz.Simulator.Distribuicao;

/// <summary>Why a DistDFe request got 656 (recorded per party for the admin view and the tests).</summary>
public enum DistRule
{
    /// <summary>A request while the CNPJ was blocked (the block restarts).</summary>
    DuringBlock,

    /// <summary>distNSU inside the hour after 137 or after ultNSU reached maxNSU.</summary>
    NoDocumentsWait,

    /// <summary>distNSU with an ultNSU other than the one last returned.</summary>
    OutOfSequence,

    /// <summary>More than 20 consNSU/consChNFe in the hour.</summary>
    QueryLimit,
}
