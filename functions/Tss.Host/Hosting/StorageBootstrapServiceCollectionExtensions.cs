namespace Tss.Host.Hosting;

public static class StorageBootstrapServiceCollectionExtensions
{
    /// <summary>Creates tables and containers at start; add it before the pipeline so it starts before the listeners.</summary>
    public static IServiceCollection AddTssStorageBootstrap(this IServiceCollection services) =>
        services.AddHostedService<StorageBootstrap>();
}
