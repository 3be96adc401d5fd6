using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Tss.Host.Tests.Observability;

/// <summary>
/// Dashboards and alerts key on log EventIds: each product project logs inside its own range, and no id means two
/// different things anywhere in the product.
/// </summary>
public class LogEventIdTests
{
    /// <summary>The EventId range of each project that logs (inclusive).</summary>
    private static readonly Dictionary<string, (int From, int To)> Ranges = new(StringComparer.Ordinal)
    {
        ["Tss.Sefaz.Simulator"] = (1, 99),
        ["Tss.Runtime"] = (100, 899),
        ["Tss.Durable"] = (900, 999),
        ["Tss.Pipeline"] = (1000, 1699),
        ["Tss.Mde"] = (1800, 1899),
        ["Tss.Orchestrations"] = (1900, 1999),
        ["Tss.Sefaz.Client"] = (2000, 2999),
        ["Tss.Tenancy"] = (3000, 3999),
        ["Tss.Host"] = (4000, 4999),
        ["Tss.Danfe"] = (5000, 5999),
        ["Tss.Portal"] = (6000, 6999),
        ["Tss.Trust"] = (7000, 7999),
        ["Tss.Functions"] = (8000, 8999),
    };

    [Fact]
    public void Every_log_event_id_is_unique_across_the_product_and_inside_its_project_range()
    {
        var declared = ProductAssemblies().SelectMany(a => LogMethods(a).Select(m => (Project: a.GetName().Name!, Method: m))).ToList();
        Assert.True(declared.Count > 100, $"only {declared.Count} log methods found: are the product assemblies loaded?");

        var duplicates = declared.GroupBy(d => d.Method.Attribute.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => $"{d.Method.Declaring}.{d.Method.Name}"))}").ToList();
        Assert.True(duplicates.Count == 0, "EventIds used twice:\n" + string.Join('\n', duplicates));

        var outside = declared.Where(d => !Ranges.TryGetValue(d.Project, out var r) || d.Method.Attribute.EventId < r.From || d.Method.Attribute.EventId > r.To)
            .Select(d => $"{d.Project} {d.Method.Declaring}.{d.Method.Name} = {d.Method.Attribute.EventId}").ToList();
        Assert.True(outside.Count == 0, "EventIds outside their project's range (or a project without a range):\n" + string.Join('\n', outside));
    }

    [Fact]
    public void Every_project_declares_its_log_messages_in_one_Log_class()
    {
        var declared = ProductAssemblies().SelectMany(a => LogMethods(a).Select(m => (Project: a.GetName().Name!, m.Declaring))).ToList();

        var strays = declared.GroupBy(d => d.Project)
            .Select(g => (Project: g.Key, Classes: g.Select(d => d.Declaring).Distinct().Order(StringComparer.Ordinal).ToList()))
            .Where(p => p.Classes.Count > 1 || !p.Classes[0].EndsWith(".Log", StringComparison.Ordinal))
            .Select(p => $"{p.Project}: {string.Join(", ", p.Classes)}").ToList();
        Assert.True(strays.Count == 0,
            "Projects declaring [LoggerMessage] methods outside one class named Log (partial files such as Log.Lots.cs are fine):\n"
            + string.Join('\n', strays));
    }

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Tss.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal) && n != "Tss.Testing")
            .Select(n => Assembly.Load(n!));

    private static IEnumerable<(string Declaring, string Name, LoggerMessageAttribute Attribute)> LogMethods(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in types.OfType<Type>())
        {
            foreach (var method in type.GetMethods(all))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    yield return (type.FullName ?? type.Name, method.Name, attribute);
                }
            }
        }
    }
}
