using System.Text.Json;

namespace Tss.Sefaz.Client.Internal;

/// <summary>
/// The endpoint data file (Endpoints/nfe.json, embedded): authorizer × model × environment × service → URL, plus the
/// UF → authorizer maps. Loaded once; a malformed file fails loudly at first use.
/// </summary>
internal sealed class EndpointTable
{
    public const string ResourceName = "Tss.Sefaz.Client.Endpoints.nfe.json";

    private static readonly Lazy<EndpointTable> EmbeddedTable = new(LoadEmbedded);

    private EndpointTable()
    {
    }

    public static EndpointTable Embedded => EmbeddedTable.Value;

    /// <summary>Default WSDL method per service.</summary>
    public Dictionary<SefazService, string> Methods { get; } = [];

    /// <summary>Services answered by one authorizer for every UF (DistDFe → AN).</summary>
    public Dictionary<SefazService, string> National { get; } = [];

    /// <summary>tpEvento → authorizer for events not registered at the emitter's own authorizer (manifestação, EPEC → AN).</summary>
    public Dictionary<string, string> EventAuthorizers { get; } = new(StringComparer.Ordinal);

    /// <summary>(model, UF) → authorizer in normal emission.</summary>
    public Dictionary<(int Model, string Uf), string> Ufs { get; } = [];

    /// <summary>(model, UF) → SVC authorizer in contingency.</summary>
    public Dictionary<(int Model, string Uf), string> Contingency { get; } = [];

    public Dictionary<(string Authorizer, int Model, int TpAmb, SefazService Service), EndpointEntry> Entries { get; } = [];

    public static EndpointTable Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var table = new EndpointTable();
        foreach (var method in root.GetProperty("methods").EnumerateObject())
        {
            table.Methods[Service(method.Name)] = method.Value.GetString()!;
        }
        foreach (var national in root.GetProperty("national").EnumerateObject())
        {
            table.National[Service(national.Name)] = national.Value.GetString()!;
        }
        if (root.TryGetProperty("eventAuthorizers", out var events))
        {
            foreach (var entry in events.EnumerateObject().Where(p => p.Name != "note"))
            {
                table.EventAuthorizers[entry.Name] = entry.Value.GetString()!;
            }
        }
        ReadUfMap(root.GetProperty("ufs"), table.Ufs);
        ReadUfMap(root.GetProperty("contingency"), table.Contingency);
        foreach (var authorizer in root.GetProperty("authorizers").EnumerateObject())
        {
            foreach (var model in authorizer.Value.EnumerateObject().Where(p => p.Name != "note"))
            {
                foreach (var environment in model.Value.EnumerateObject())
                {
                    var tpAmb = environment.Name switch
                    {
                        "production" => 1,
                        "homologation" => 2,
                        _ => throw new InvalidDataException($"Unknown environment '{environment.Name}' under {authorizer.Name}/{model.Name}."),
                    };
                    foreach (var entry in environment.Value.EnumerateObject())
                    {
                        var service = Service(entry.Name);
                        table.Entries[(authorizer.Name, int.Parse(model.Name, System.Globalization.CultureInfo.InvariantCulture), tpAmb, service)] =
                            Entry(entry.Value, table.Methods[service], $"{authorizer.Name}/{model.Name}/{environment.Name}/{entry.Name}");
                    }
                }
            }
        }
        return table;
    }

    private static EndpointTable LoadEmbedded()
    {
        using var stream = typeof(EndpointTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    private static void ReadUfMap(JsonElement byModel, Dictionary<(int Model, string Uf), string> target)
    {
        foreach (var model in byModel.EnumerateObject())
        {
            foreach (var uf in model.Value.EnumerateObject())
            {
                target[(int.Parse(model.Name, System.Globalization.CultureInfo.InvariantCulture), uf.Name)] = uf.Value.GetString()!;
            }
        }
    }

    private static EndpointEntry Entry(JsonElement value, string defaultMethod, string where)
    {
        var (url, method, note) = value.ValueKind == JsonValueKind.String
            ? (value.GetString(), defaultMethod, null)
            : (value.GetProperty("url").GetString(),
               value.TryGetProperty("method", out var m) ? m.GetString()! : defaultMethod,
               value.TryGetProperty("note", out var n) ? n.GetString() : null);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidDataException($"Endpoint {where} is not an absolute https URL.");
        }
        return new EndpointEntry(uri, method, note);
    }

    private static SefazService Service(string name) =>
        Enum.TryParse<SefazService>(name, ignoreCase: false, out var service) && Enum.IsDefined(service)
            ? service
            : throw new InvalidDataException($"Unknown service '{name}' in the endpoint table.");
}
