using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tss.Host.Tests.EndToEnd;
using Tss.Protocol.Schemas;

namespace Tss.Host.Tests.Events;

/// <summary>
/// The issue's scenario through the REST API on the in-process host (Azurite + simulator over mutual TLS, clock ×30):
/// authorize → CC-e twice → cancel; the document shows the three events and ends Cancelled; every procEventoNFe
/// validates against its schema and its signature verifies in xmlsec1.
/// </summary>
public sealed class EventsEndToEndTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Authorized_nfe_corrected_twice_then_cancelled_shows_three_signed_events_and_ends_cancelled()
    {
        var tenant = await host.NewTenantAsync(Cnpj);
        var chNFe = await EventTestSupport.AuthorizeAsync(host, tenant, Cnpj);

        using (var first = await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cce"), new { xCorrecao = "Corrige o endereco de entrega para Rua A, 100" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(1, (await ApiJson.ReadAsync(first))["nSeqEvento"]!.GetValue<int>());
        }
        await EventTestSupport.WaitForEventsAsync(tenant.Http, Cnpj, chNFe, 1);
        using (var second = await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cce"), new { xCorrecao = "Corrige o endereco de entrega para Rua B, 200 e o volume para 3" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
            Assert.Equal(2, (await ApiJson.ReadAsync(second))["nSeqEvento"]!.GetValue<int>());
        }
        using (var cancel = await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cancel"), new { xJust = "Pedido cancelado pelo cliente antes da saida" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var events = await EventTestSupport.WaitForEventsAsync(tenant.Http, Cnpj, chNFe, 3);
        Assert.Equal("Cancelled", events["status"]!.GetValue<string>());
        Assert.Equal(3, events["eventCount"]!.GetValue<int>());
        var list = events["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["110110#1", "110110#2", "110111#1"], list.Select(e => $"{e["tpEvento"]}#{e["nSeqEvento"]}").Order().ToArray());
        Assert.All(list, e => Assert.Equal("Registered", e["status"]!.GetValue<string>()));
        Assert.All(list, e => Assert.Equal(135, e["cStat"]!.GetValue<int>()));

        var document = await tenant.Http.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}"), Ct);
        Assert.Equal("Cancelled", document!["status"]!.GetValue<string>());

        // SEFAZ agrees: the consultation answers 101 and lists the three events.
        var consult = await tenant.Http.GetFromJsonAsync<JsonObject>(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/sefaz"), Ct);
        Assert.Equal(101, consult!["cStat"]!.GetValue<int>());
        Assert.Equal(3, consult["events"]!.AsArray().Count);

        var dir = Directory.CreateTempSubdirectory("tss-events-").FullName;
        try
        {
            foreach (var e in list)
            {
                var proc = await tenant.Http.GetStringAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/events/{e["tpEvento"]}/{e["nSeqEvento"]}/procevento"), Ct);
                var check = NfeSchemas.Shared.Validate(proc);
                Assert.True(check.IsValid, $"{check.SchemaFile}: {string.Join("; ", check.Errors.Select(x => x.Message))}");
                Assert.Equal(e["tpEvento"]!.GetValue<string>() == "110111" ? "procEventoCancNFe_v1.00.xsd" : "procCCeNFe_v1.00.xsd", check.SchemaFile);
                var start = proc.IndexOf("<evento ", StringComparison.Ordinal);
                var end = proc.IndexOf("</evento>", StringComparison.Ordinal) + "</evento>".Length;
                var file = Path.Combine(dir, $"{e["tpEvento"]}-{e["nSeqEvento"]}.xml");
                await File.WriteAllTextAsync(file, proc[start..end], Ct);
                var (exit, output) = await EventTestSupport.XmlSec1VerifyEventAsync(file, host.Simulator.AnchorPath, Ct);
                Assert.True(exit == 0, $"xmlsec1 rejected {Path.GetFileName(file)}: {output}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        // A second cancellation is the first one again; a CC-e after the cancellation is refused.
        using var again = await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cancel"), new { xJust = "Pedido cancelado pelo cliente antes da saida" }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var late = await tenant.Http.PostAsJsonAsync(Url($"/api/v1/entities/{Cnpj}/nfe/{chNFe}/cce"), new { xCorrecao = "Correcao depois do cancelamento da nota" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("event.nfe_cancelled", await ApiJson.CodeAsync(late));
    }
}
