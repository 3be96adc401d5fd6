using System.Net.Http.Json;
using System.Text.Json;

namespace Tss.DevTools.Chaos;

/// <summary>One request the SEFAZ simulator received (its admin API, <c>GET /admin/exchanges</c>), logged before it answered.</summary>
/// <param name="PayloadRoot">enviNFe, consReciNFe, consSitNFe, …</param>
/// <param name="chNFe">The keys the request carried (a lot's documents; the consulted key).</param>
/// <param name="cStat">Message-level cStat first, then each document's; empty when the request was not processed.</param>
public sealed record SefazExchange(long Id, string? PayloadRoot, IReadOnlyList<string> chNFe, IReadOnlyList<int> cStat, int HttpStatus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The simulator's exchange log, oldest first.</summary>
    public static async Task<IReadOnlyList<SefazExchange>> ReadAsync(HttpClient simulatorAdmin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(simulatorAdmin);
        var list = await simulatorAdmin.GetFromJsonAsync<List<SefazExchange>>(new Uri("/admin/exchanges", UriKind.Relative), Json, ct).ConfigureAwait(false) ?? [];
        return [.. list.OrderBy(e => e.Id)];
    }
}

/// <summary>One key in the simulator's base (<c>GET /admin/authorizations</c>).</summary>
public sealed record SefazAuthorization(string chNFe, int cStat, int TimesAuthorized)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<SefazAuthorization>> ReadAsync(HttpClient simulatorAdmin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(simulatorAdmin);
        return await simulatorAdmin.GetFromJsonAsync<List<SefazAuthorization>>(new Uri("/admin/authorizations", UriKind.Relative), Json, ct).ConfigureAwait(false) ?? [];
    }
}
