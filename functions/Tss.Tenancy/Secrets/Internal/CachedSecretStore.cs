using System.Collections.Concurrent;
using Azure;

namespace Tss.Tenancy.Secrets.Internal;

/// <summary>
/// What every <see cref="ISecretStore"/> does the same way: a value cached per reference (a reference names one
/// immutable version, so only the cache's lifetime differs), references of another store refused as unknown, a
/// missing version answered as not found, and a discarded version forgotten. Subclasses only write, read and drop a
/// version in their backend.
/// </summary>
/// <param name="time">The clock of the cache's expiry.</param>
/// <param name="cacheTtl">How long a value stays cached (null: for the life of the process).</param>
/// <param name="where">The store as named in error messages ("para o Key Vault").</param>
internal abstract class CachedSecretStore(TimeProvider time, TimeSpan? cacheTtl, string where) : ISecretStore
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>True for a reference this store issued (syntax only).</summary>
    protected abstract bool Owns(string reference);

    /// <summary>Stores <paramref name="value"/> as a new version; returns its reference.</summary>
    protected abstract Task<string> WriteVersionAsync(SecretName name, string value, CancellationToken ct);

    /// <summary>The value of an owned reference; a 404 from the backend becomes "not found".</summary>
    protected abstract Task<string> ReadVersionAsync(string reference, CancellationToken ct);

    /// <summary>Drops (or disables) an owned reference's version.</summary>
    protected abstract Task DropVersionAsync(string reference, CancellationToken ct);

    public async Task<string> PutAsync(SecretName name, string value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var reference = await WriteVersionAsync(name, value, ct).ConfigureAwait(false);
        Remember(reference, value);
        return reference;
    }

    public async Task<string> GetAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (_cache.TryGetValue(reference, out var cached) && cached.ExpiresAt > time.GetUtcNow())
        {
            return cached.Value;
        }
        if (!Owns(reference))
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Referência de segredo desconhecida {where}: {reference}.");
        }
        string value;
        try
        {
            value = await ReadVersionAsync(reference, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new TenancyException(TenancyErrorCodes.Secrets.NotFound, $"Segredo {reference} não encontrado {where}.", e);
        }
        Remember(reference, value);
        return value;
    }

    public async Task DiscardAsync(string reference, CancellationToken ct)
    {
        if (!Owns(reference))
        {
            return;
        }
        _cache.TryRemove(reference, out _);
        await DropVersionAsync(reference, ct).ConfigureAwait(false);
    }

    private void Remember(string reference, string value) =>
        _cache[reference] = (value, cacheTtl is { } ttl ? time.GetUtcNow() + ttl : DateTimeOffset.MaxValue);
}
