using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml;
using Tss.DevTools.Samples;
using Tss.Protocol.Messages;
using Tss.Protocol.Xml;

namespace Tss.Cli.Drill;

/// <summary>
/// The drill's ERP: NF-e with consecutive numbers, <see cref="DrillSettings.Batch"/> per request, one request every
/// <see cref="DrillSettings.Pace"/>; a request the host did not answer (5xx, transport) is sent again, as an ERP would.
/// </summary>
internal sealed class DrillStream(HttpClient api, string cnpj, DrillSettings settings, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Documents submitted so far.</summary>
    public int Sent { get; private set; }

    /// <summary>Submitted key → the key ingest answered (another one when it re-keyed the document).</summary>
    public Dictionary<string, string> Answered { get; } = new(StringComparer.Ordinal);

    public async Task SendAsync(int count)
    {
        for (var done = 0; done < count;)
        {
            var n = Math.Min(settings.Batch, count - done);
            var xmls = Enumerable.Range(Sent + 1, n)
                .Select(nNF => SampleNfe.Create(new SampleNfeOptions { EmitCnpj = cnpj, nNF = nNF, Items = settings.Items }, time)).ToList();
            var body = JsonSerializer.Serialize(new { documents = xmls.Select(x => new { xml = x }) });
            var answer = await PostAsync(body);
            for (var i = 0; i < n; i++)
            {
                if (answer.Documents.ElementAtOrDefault(i) is { chNFe: { } key, Error: null or { ValueKind: JsonValueKind.Null } })
                {
                    Answered[KeyOf(xmls[i])] = key;
                }
                else
                {
                    Console.Error.WriteLine($"drill: document {Sent + i + 1} refused: {answer.Documents.ElementAtOrDefault(i)?.Error}");
                }
            }
            Sent += n;
            done += n;
            await Task.Delay(settings.Pace);
        }
    }

    private async Task<SubmitAnswer> PostAsync(string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await api.PostAsync(new Uri($"api/v1/entities/{cnpj}/nfe", UriKind.Relative), content);
                if ((int)response.StatusCode < 500)
                {
                    return await response.Content.ReadFromJsonAsync<SubmitAnswer>(Json) ?? new SubmitAnswer([]);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 30)
            {
                // Not answered: send the same request again (resubmitting a key is safe).
            }
            await Task.Delay(1000);
        }
    }

    private static string KeyOf(string xml) =>
        SafeXml.Load(xml).DocumentElement!.GetElementsByTagName("infNFe", NfeNamespaces.Nfe).OfType<XmlElement>().Single().GetAttribute("Id")[3..];

    private sealed record SubmitAnswer(List<SubmitDocument> Documents);

    private sealed record SubmitDocument(string? chNFe, string? Status, JsonElement? Error);
}
