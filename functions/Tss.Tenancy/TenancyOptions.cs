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
    /// How long an API key check or an entity lookup is served from memory. A changed entity is seen by every instance
    /// within this time (at once by the instance that made the change); a revoked key within
    /// <see cref="RevocationCheckInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an instance that serves API keys from its cache reads the revocation stamp (one point read per
    /// interval while requests arrive): a revoked key stops working on every instance within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
