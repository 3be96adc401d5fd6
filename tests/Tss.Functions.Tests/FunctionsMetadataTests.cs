using Tss.Durable;
using Tss.Functions.Queues;
using Tss.Mde;
using Tss.Pipeline;
using Tss.Pipeline.Events;

namespace Tss.Functions.Tests;

/// <summary>
/// The published app's functions.metadata (what the Functions host indexes) against what the local host serves:
/// the lists on both sides are discovered, never written down here.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedApp app)
{
    [Fact]
    public void Every_REST_route_of_the_local_host_has_an_HTTP_function_with_the_same_method_and_route()
    {
        var http = app.Functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => (Method: m, Route: ProductSurface.Normalize(f.Route!)))).ToHashSet();
        var routes = ProductSurface.RestRoutes();
        Assert.True(routes.Count >= 25, $"only {routes.Count} REST routes found on the local host");
        var missing = routes.Where(r => !http.Contains(r)).Select(r => $"{r.Method} {r.Route}").ToList();
        Assert.True(missing.Count == 0, "REST routes without an HTTP function:\n" + string.Join('\n', missing));
        var extra = http.Where(h => h.Route != ProductSurface.SoapRoute && !routes.Contains(h)).Select(h => $"{h.Method} {h.Route}").ToList();
        Assert.True(extra.Count == 0, "HTTP functions the local host does not serve:\n" + string.Join('\n', extra));
    }

    [Fact]
    public void The_SOAP_endpoint_has_an_HTTP_function_for_its_envelopes_and_its_WSDL()
    {
        var soap = Assert.Single(app.Functions, f => f.TriggerType == "httpTrigger" && ProductSurface.Normalize(f.Route!) == ProductSurface.SoapRoute);
        Assert.Equal(["GET", "POST"], soap.Methods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_orchestrator_class_has_an_orchestration_trigger_function_of_its_name()
    {
        var classes = ProductSurface.DurableClasses(ProductSurface.Orchestrator);
        Assert.NotEmpty(classes);
        var functions = app.Functions.Where(f => f.TriggerType == "orchestrationTrigger").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(classes.Select(c => c.Name).Order(StringComparer.Ordinal), functions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_activity_class_has_an_activity_trigger_function_of_its_name_and_no_activity_function_is_left_over()
    {
        var classes = ProductSurface.DurableClasses(ProductSurface.Activity);
        Assert.NotEmpty(classes);
        var functions = app.Functions.Where(f => f.TriggerType == "activityTrigger").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(classes.Select(c => c.Name).Order(StringComparer.Ordinal), functions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_function_that_may_start_an_orchestration_is_handed_a_Durable_client()
    {
        var without = app.Functions.Where(f => f.TriggerType is "httpTrigger" or "queueTrigger" or "activityTrigger" && !f.HasBinding("durableClient"))
            .Select(f => f.Name).ToList();
        Assert.True(without.Count == 0, "functions without a [DurableClient] binding: " + string.Join(", ", without));
    }

    [Fact]
    public void Every_queue_the_local_host_listens_to_has_a_queue_trigger_function()
    {
        var listened = ProductSurface.ListenedQueues();
        Assert.NotEmpty(listened);
        var triggered = app.Functions.Where(f => f.TriggerType == "queueTrigger").Select(f => (string)f.Trigger["queueName"]!).Order(StringComparer.Ordinal);
        Assert.Equal(listened, triggered);
    }

    [Fact]
    public void The_history_purge_and_the_MD_e_re_arm_run_on_timers()
    {
        var timers = app.Functions.Where(f => f.TriggerType == "timerTrigger").ToDictionary(f => f.Name, f => (string)f.Trigger["schedule"]!);
        Assert.Contains("PurgeOrchestrationHistory", timers.Keys);
        Assert.Contains("RearmMdeCursors", timers.Keys);
        Assert.All(timers.Values, s => Assert.Equal(6, s.Split(' ').Length));
    }

    [Fact]
    public void Host_json_names_the_task_hub_of_the_local_engine_on_the_Azure_Storage_backend_with_unprefixed_routes_and_plain_queue_messages()
    {
        var durable = app.HostJson["extensions"]!["durableTask"]!;
        Assert.Equal(new DurableOptions().TaskHub, (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)durable["storageProvider"]!["type"]);
        Assert.Equal(new DurableOptions().PartitionCount, (int)durable["storageProvider"]!["partitionCount"]!);
        Assert.NotNull(durable["maxConcurrentActivityFunctions"]);
        Assert.NotNull(durable["maxConcurrentOrchestratorFunctions"]);
        Assert.Equal("", (string?)app.HostJson["extensions"]!["http"]!["routePrefix"]);
        // The senders write plain JSON envelopes; the trigger's default (base64) would fail every message.
        Assert.Equal("none", (string?)app.HostJson["extensions"]!["queues"]!["messageEncoding"]);
    }

    [Fact]
    public void The_published_app_carries_the_Durable_and_queue_extensions_for_the_host()
    {
        var extensions = File.ReadAllText(Path.Combine(app.Folder, "extensions.json"));
        Assert.Contains("\"DurableTask\"", extensions, StringComparison.Ordinal);
        Assert.Contains("\"AzureStorageQueues\"", extensions, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.Folder, "worker.config.json")));
    }

    [Fact]
    public void Queue_names_other_than_the_triggers_are_refused()
    {
        Assert.Empty(QueueTriggerNames.Check(new PipelineOptions(), new EventsOptions(), new MdeOptions()));
        var renamed = QueueTriggerNames.Check(new PipelineOptions { AssembleQueue = "other" }, new EventsOptions(), new MdeOptions());
        Assert.Contains(renamed, r => r.StartsWith("Pipeline:AssembleQueue=other", StringComparison.Ordinal));
    }
}
