using System.Text.Json.Serialization;

namespace Tss.Pipeline.Contingency;

/// <summary>What an operator imposed on an authorizer or an entity, above the signals.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperatorOverride>))]
public enum OperatorOverride
{
    /// <summary>The signals decide.</summary>
    None,
    /// <summary>Contingency whatever the signals say.</summary>
    Force,
    /// <summary>Never contingency, whatever the signals say.</summary>
    Forbid,
    /// <summary>For an entity: NF-e (55) in EPEC contingency (tpEmis 4, event 110140 at the Ambiente Nacional) whatever
    /// the signals say, instead of the UF's SVC.</summary>
    Epec,
}
