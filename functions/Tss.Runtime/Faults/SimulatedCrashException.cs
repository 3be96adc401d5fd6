namespace Tss.Runtime.Faults;

/// <summary>Thrown at a <see cref="CrashPoint"/> simulated in the current async flow: nothing after the point runs.</summary>
public sealed class SimulatedCrashException(string point) : Exception($"Simulated crash at {point}.")
{
    /// <summary>The crash point reached.</summary>
    public string Point { get; } = point;
}
