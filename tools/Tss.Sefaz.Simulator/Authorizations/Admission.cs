namespace Tss.Sefaz.Simulator.Authorizations;

/// <summary>What became of an authorization offered to the base.</summary>
public enum Admission
{
    /// <summary>Recorded.</summary>
    Added,
    /// <summary>The key or its numbering is already authorized (204/539).</summary>
    Duplicate,
    /// <summary>The number lies in a voided range (206).</summary>
    Voided,
}
