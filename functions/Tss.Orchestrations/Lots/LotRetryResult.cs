namespace Tss.Orchestrations.Lots;

/// <summary>What an operator's retry of a lot did (<see cref="LotRetries"/>).</summary>
public enum LotRetryResult
{
    /// <summary>No orchestration for that lot.</summary>
    NotFound,
    /// <summary>The lot is not stuck (running normally, restarting on its own, or finished): nothing to retry.</summary>
    NotStuck,
    /// <summary>The stuck lot was told to go on from its lot row.</summary>
    Retried,
}
