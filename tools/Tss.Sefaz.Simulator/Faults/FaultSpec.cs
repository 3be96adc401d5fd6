namespace Tss.Sefaz.Simulator.Faults;

/// <summary>One fault switched on through the admin API (JSON, camelCase).</summary>
public sealed record FaultSpec
{
    /// <summary>Assigned by the simulator.</summary>
    public string? Id { get; init; }

    public FaultKind Kind { get; init; }

    /// <summary>"all", a WSDL service name (NFeAutorizacao4) or a payload root (enviNFe). Case-insensitive.</summary>
    public string Service { get; init; } = "all";

    public FaultPhase Phase { get; init; } = FaultPhase.Before;

    /// <summary>Applications left (requests, or documents for <see cref="FaultKind.Rejection"/>); null = until removed.</summary>
    public int? Count { get; init; }

    public int LatencyMs { get; init; }

    public int TimeoutSeconds { get; init; } = 30;

    public int StatusCode { get; init; } = 503;

    public string? Body { get; init; }

    /// <summary>"truncated" (cut XML) or "html" (an error page).</summary>
    public string Malformed { get; init; } = "truncated";

    /// <summary>108/109 for <see cref="FaultKind.Paralysis"/>; the rejection code for <see cref="FaultKind.Rejection"/>.</summary>
    public int cStat { get; init; }

    /// <summary>Optional text; the catalog text of <see cref="cStat"/> otherwise.</summary>
    public string? xMotivo { get; init; }

    /// <summary>Rejection only for this key.</summary>
    public string? chNFe { get; init; }

    /// <summary>Paralysis only for this authorizer UF; all when null.</summary>
    public int? cUF { get; init; }

    /// <summary>Whether this fault is scoped to the service.</summary>
    public bool Matches(string wsdlService, string payloadRoot) =>
        string.Equals(Service, "all", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Service, wsdlService, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Service, payloadRoot, StringComparison.OrdinalIgnoreCase);
}
