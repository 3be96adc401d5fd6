namespace Tss.Mde.Sharing;

/// <summary>What a tenant holding a CNPJ may see of the company's MD-e documents received before it joined.</summary>
public enum HistoryAccess
{
    /// <summary>The company's first tenant (the one the shared cursor was created for): the history is its own.</summary>
    Owner,

    /// <summary>A later tenant waiting for a holder or an operator to decide: it gets only what arrives after it joined.</summary>
    Pending,

    /// <summary>A later tenant a holder or an operator allowed to have the history (copied at the grant).</summary>
    Granted,

    /// <summary>A later tenant refused the history: it keeps receiving what arrives after it joined, nothing before.</summary>
    Denied,
}
