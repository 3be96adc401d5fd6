using System.Text.Json.Serialization;

namespace Tss.Pipeline.Contingency;

/// <summary>How new documents for an authorizer are issued.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContingencyMode>))]
public enum ContingencyMode
{
    /// <summary>tpEmis 1 at the normal authorizer.</summary>
    Normal,
    /// <summary>Contingency (NF-e: SVC-AN/SVC-RS, tpEmis 6/7).</summary>
    Contingency,
}
