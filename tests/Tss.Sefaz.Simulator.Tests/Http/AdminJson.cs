using System.Text.Json;
using Tss.Sefaz.Simulator.Admin;

namespace Tss.Sefaz.Simulator.Tests.Http;

internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AdminApi.ConfigureJson(options);
        return options;
    }
}
