using System.Text.Json;
using Tss.Contracts.Delivery;
using Tss.Pipeline.Distribution.Internal;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>The one webhook envelope every delivery type shares (the wire contract ERPs parse).</summary>
public class WebhookEnvelopeTests
{
    public static TheoryData<DeliveryType, string, string> Types => new()
    {
        { DeliveryType.NfeOutcome, "nfe.outcome", "documents" },
        { DeliveryType.NfeEvent, "nfe.event", "events" },
        { DeliveryType.MdeDocument, "mde.document", "documents" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_delivery_type_is_one_envelope_with_its_wire_type_and_its_items_in_order(DeliveryType type, string wireName, string array)
    {
        var batch = new DeliveryBatch("tenant1", "11222333000181", "d0c1", [new KeyItem("b"), new KeyItem("a")]);

        using var json = JsonDocument.Parse(WebhookPayload.Build(type, batch, publicBaseUrl: null));

        var root = json.RootElement;
        Assert.Equal(["deliveryId", "type", "tenantId", "cnpj", array], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(wireName, root.GetProperty("type").GetString());
        Assert.Equal("d0c1", root.GetProperty("deliveryId").GetString());
        Assert.Equal("tenant1", root.GetProperty("tenantId").GetString());
        Assert.Equal("11222333000181", root.GetProperty("cnpj").GetString());
        Assert.Equal(["b", "a"], root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty("key").GetString()));
    }

    [Fact]
    public void Links_are_host_relative_without_a_public_base_url_and_absolute_under_it()
    {
        Assert.Equal("/api/v1/entities/1/x", DeliveryItem.Link("/api/v1/entities/1/x", null));
        Assert.Equal("https://tss.example/base/api/v1/entities/1/x", DeliveryItem.Link("/api/v1/entities/1/x", new Uri("https://tss.example/base/")));
        Assert.Equal("https://tss.example/api/v1/entities/1/x", DeliveryItem.Link("api/v1/entities/1/x", new Uri("https://tss.example")));
    }

    [Fact]
    public void Outcome_links_keep_the_procnfe_route_with_the_emitters_cnpj_from_the_key()
    {
        const string ChNFe = "35261111222333000181550010000010011123456789";

        var url = DocumentOutcomeItem.ProcNFeUrl(ChNFe, "/api/v1/entities/{cnpj}/nfe/{chNFe}/procnfe", new Uri("https://tss.example/"));

        Assert.Equal($"https://tss.example/api/v1/entities/11222333000181/nfe/{ChNFe}/procnfe", url);
    }

    private sealed class KeyItem(string key) : DeliveryItem
    {
        public override string Key => key;

        public override void WriteJson(Utf8JsonWriter json, Uri? publicBaseUrl) => json.WriteString("key", key);
    }
}
