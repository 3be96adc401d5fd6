namespace Tss.Sefaz.Simulator.Faults;

/// <summary>When a request fault strikes.</summary>
public enum FaultPhase
{
    /// <summary>Instead of processing: the request has no effect on the simulator's state.</summary>
    Before,
    /// <summary>After processing: the lot is recorded, then the fault replaces the answer (outcome unknown to the client).</summary>
    After,
}
