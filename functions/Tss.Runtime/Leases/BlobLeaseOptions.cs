namespace Tss.Runtime.Leases;

/// <summary>Settings of <see cref="BlobLeaseSingleton"/> (configuration section <c>Leases</c>).</summary>
public sealed class BlobLeaseOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "Leases";

    /// <summary>Container holding one empty blob per singleton key.</summary>
    public string ContainerName { get; set; } = "singletons";

    /// <summary>
    /// Lease length (15–60 s, whole seconds): how long a crashed holder blocks the key before another instance can
    /// take over.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a held lease is renewed; must be well below <see cref="LeaseDuration"/> (null = a third of it).</summary>
    public TimeSpan? RenewInterval { get; set; }

    internal TimeSpan EffectiveRenewInterval => RenewInterval ?? LeaseDuration / 3;
}
