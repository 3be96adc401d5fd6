using System.ComponentModel.DataAnnotations;

namespace Tss.Tenancy;

/// <summary>Tables of the tenant store and how long lookups are cached (section "Tenancy").</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    [Required] public string TenantsTable { get; set; } = "tenants";
    [Required] public string EntitiesTable { get; set; } = "entities";
    [Required] public string ApiKeysTable { get; set; } = "apikeys";

    /// <summary>
    /// How long an API key check or an entity lookup is served from memory. A revoked key or a changed entity is seen
    /// by every instance within this time (at once by the instance that made the change).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
