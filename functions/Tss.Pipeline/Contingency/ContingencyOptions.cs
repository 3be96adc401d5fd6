using System.ComponentModel.DataAnnotations;

namespace Tss.Pipeline.Contingency;

/// <summary>Thresholds of the contingency policy, as data (section "Contingency").</summary>
public sealed class ContingencyOptions
{
    public const string Section = "Contingency";

    /// <summary>Whether the policy switches modes at all (signals are still recorded when false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Consecutive transport failures or timeouts within <see cref="FailureWindow"/> that enter contingency.</summary>
    [Range(1, 1000)]
    public int FailureThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether one 108/109 (status or send) enters contingency at once.</summary>
    public bool EnterOnParalysis { get; set; } = true;

    /// <summary>Consecutive 107 status answers that bring the authorizer back to normal.</summary>
    [Range(1, 100)]
    public int ReturnAfterOkStatuses { get; set; } = 3;

    /// <summary>How often an authorizer in contingency has its status asked (the status cache's 3-minute rule still applies).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>UFs where contingency emission is not allowed (documents stay waiting for the normal authorizer).</summary>
    public IList<string> DisallowedUfs { get; } = [];

    /// <summary>The xJust written in documents issued in contingency (15–256 characters).</summary>
    [Required, StringLength(256, MinimumLength = 15)]
    public string Justification { get; set; } = "Autorizador indisponivel: emissao em contingencia SVC conforme politica do TSS";

    /// <summary>Table holding one row per authorizer and one per entity override.</summary>
    [Required] public string StateTable { get; set; } = "contingency";

    /// <summary>Table holding the decision log (partition = authorizer, newest first).</summary>
    [Required] public string DecisionsTable { get; set; } = "contingencydecisions";
}
