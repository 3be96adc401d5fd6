using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Tss.Functions.Tests;

/// <summary>Tss.Functions logs inside its range (8000–8999, listed with the others in Tss.Host.Tests' LogEventIdTests).</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_event_id_of_the_Functions_app_is_unique_and_inside_8000_to_8999()
    {
        var ids = typeof(Tss.Functions.Http.ApiForwarder).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 8000, 8999));
    }
}
