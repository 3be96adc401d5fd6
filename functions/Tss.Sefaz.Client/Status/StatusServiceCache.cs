using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Client.Status;

/// <summary>
/// NFeStatusServico4 answers shared by every caller, so that no authorizer is asked more than once per
/// <see cref="StatusServiceCacheOptions.Interval"/> (3 minutes) however many callers ask. Within one process, concurrent
/// callers for the same authorizer share one flight; across processes, the right to ask is a compare-and-swap claim on
/// the shared record (<see cref="IStatusCacheStore"/>). Time only from the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// A caller that finds another instance's ask pending polls the record every <see cref="StatusServiceCacheOptions.PollInterval"/>
/// on that clock (up to <see cref="StatusServiceCacheOptions.PendingWait"/>), so on a fake clock the test must advance it.
/// An ask that fails still counts: SEFAZ saw the request, and retrying at once is what the rule forbids.
/// </remarks>
public sealed class StatusServiceCache
{
    private readonly IStatusCacheStore _store;
    private readonly StatusServiceCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly SefazClient? _client;
    private readonly SefazEndpoints? _endpoints;
    private readonly ConcurrentDictionary<StatusKey, Task<StatusReading>> _flights = new();

    public StatusServiceCache(IStatusCacheStore store, IOptions<StatusServiceCacheOptions> options, TimeProvider? time = null,
        SefazClient? client = null, SefazEndpoints? endpoints = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _client = client;
        _endpoints = endpoints;
    }

    /// <summary>The status of the authorizer serving <paramref name="target"/>, asked with <paramref name="certificate"/>
    /// only when the shared record allows it.</summary>
    /// <exception cref="SefazException">This call's flight asked and got no usable answer.</exception>
    public Task<StatusReading> GetAsync(SefazTarget target, X509Certificate2 certificate, CancellationToken ct = default)
    {
        if (_client is null || _endpoints is null)
        {
            throw new InvalidOperationException("This cache was built without a SefazClient; use the overload taking the ask.");
        }
        var endpoint = _endpoints.Resolve(target, SefazService.NFeStatusServico4);
        return GetAsync(new StatusKey(endpoint.Authorizer, target.Model, target.tpAmb),
            token => _client.StatusServicoAsync(target, certificate, token), ct);
    }

    /// <summary>
    /// The status for <paramref name="key"/>: the cached answer while the interval since the last ask runs, otherwise the
    /// answer of <paramref name="ask"/>, called by at most one caller per interval. Exceptions of <paramref name="ask"/>
    /// reach the callers of that flight; later callers in the same interval get the last known answer (or none).
    /// </summary>
    public async Task<StatusReading> GetAsync(StatusKey key, Func<CancellationToken, Task<RetConsStatServ>> ask, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(ask);
        while (true)
        {
            if (_flights.TryGetValue(key, out var running))
            {
                return await running.WaitAsync(ct).ConfigureAwait(false);
            }
            var flight = new TaskCompletionSource<StatusReading>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_flights.TryAdd(key, flight.Task))
            {
                continue;
            }
            try
            {
                // The flight serves every waiting caller, so one caller's cancellation does not end it; the SEFAZ
                // client's own timeouts bound it.
                flight.SetResult(await ResolveAsync(key, ask).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                flight.SetException(e);
            }
            finally
            {
                _flights.TryRemove(new KeyValuePair<StatusKey, Task<StatusReading>>(key, flight.Task));
            }
            return await flight.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<StatusReading> ResolveAsync(StatusKey key, Func<CancellationToken, Task<RetConsStatServ>> ask)
    {
        var waitUntil = _time.GetUtcNow() + _options.PendingWait;
        while (true)
        {
            var now = _time.GetUtcNow();
            var entry = await _store.ReadAsync(key, CancellationToken.None).ConfigureAwait(false);
            if (entry is not null && now - entry.AskedAt < _options.Interval)
            {
                if (entry.Pending && now < waitUntil)
                {
                    // Another instance is asking right now: its answer is worth a short wait.
                    await Task.Delay(_options.PollInterval, _time).ConfigureAwait(false);
                    continue;
                }
                return new StatusReading(entry.Answer, entry.AnsweredAt, Asked: false, entry.AskedAt + _options.Interval);
            }

            var claim = await _store.TryClaimAsync(key, entry, now, CancellationToken.None).ConfigureAwait(false);
            if (claim is null)
            {
                continue;
            }

            RetConsStatServ answer;
            try
            {
                answer = await ask(CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await _store.CompleteAsync(key, claim, null, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            var answeredAt = _time.GetUtcNow();
            await _store.CompleteAsync(key, claim, answer, answeredAt, CancellationToken.None).ConfigureAwait(false);
            return new StatusReading(answer, answeredAt, Asked: true, claim.AskedAt + _options.Interval);
        }
    }
}
