using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Tss.Host.Tests.Architecture;

/// <summary>
/// The boundaries the project graph must keep (issue 17): the ports live in Tss.Contracts, so Tenancy and MD-e never
/// depend on the pipeline they serve, and no product assembly opens its internals to another one (a test project may
/// see the internals of the project it tests). Reads the project files of the repository and the built assemblies.
/// </summary>
public class ProjectBoundaryTests
{
    /// <summary>Projects that implement or use ports and must not reach Tss.Pipeline, directly or through another project.</summary>
    private static readonly string[] KeptOffThePipeline = ["Tss.Tenancy", "Tss.Mde"];

    [Fact]
    public void Tenancy_and_mde_do_not_reference_the_pipeline_directly_or_transitively()
    {
        var graph = ProductGraph();
        foreach (var project in KeptOffThePipeline)
        {
            Assert.True(graph.ContainsKey(project), $"{project} not found under functions/");
            var reached = Closure(graph, project);
            Assert.False(reached.Contains("Tss.Pipeline"), $"{project} reaches Tss.Pipeline: {Path(graph, project, "Tss.Pipeline")}");
        }
    }

    [Fact]
    public void The_contracts_project_references_nothing_but_the_protocol()
    {
        var graph = ProductGraph();

        Assert.Equal(["Tss.Protocol"], graph["Tss.Contracts"]);
    }

    [Fact]
    public void Every_project_that_serves_or_reads_a_port_references_the_contracts_project()
    {
        var graph = ProductGraph();

        foreach (var project in new[] { "Tss.Pipeline", "Tss.Tenancy", "Tss.Mde", "Tss.Portal", "Tss.Host" })
        {
            Assert.Contains("Tss.Contracts", graph[project]);
        }
    }

    [Fact]
    public void No_product_project_declares_internals_visible_to_another_product_project()
    {
        var offending = new List<string>();
        foreach (var (project, file) in ProductProjects())
        {
            var granted = XDocument.Load(file).Descendants("InternalsVisibleTo").Select(e => (string?)e.Attribute("Include") ?? "")
                .Concat(Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(file)!, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .SelectMany(f => AssemblyAttributeGrants(File.ReadAllText(f))));
            offending.AddRange(granted.Where(g => g != project + ".Tests").Select(g => $"{project} → {g}"));
        }

        Assert.True(offending.Count == 0, "InternalsVisibleTo between product projects:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_built_product_assembly_grants_its_internals_to_another_product_assembly()
    {
        var assemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "Tss.*.dll")
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal) && n != "Tss.Testing")
            .Select(n => Assembly.Load(n!))
            .ToList();
        Assert.True(assemblies.Count >= 10, $"only {assemblies.Count} product assemblies found next to the tests");

        var offending = assemblies
            .SelectMany(a => a.GetCustomAttributes<InternalsVisibleToAttribute>().Select(v => (From: a.GetName().Name!, To: v.AssemblyName.Split(',')[0].Trim())))
            .Where(x => x.To != x.From + ".Tests")
            .Select(x => $"{x.From} → {x.To}")
            .ToList();

        Assert.True(offending.Count == 0, "InternalsVisibleTo between product assemblies:\n" + string.Join('\n', offending));
    }

    private static IEnumerable<string> AssemblyAttributeGrants(string source)
    {
        const string Marker = "InternalsVisibleTo(\"";
        for (var i = source.IndexOf(Marker, StringComparison.Ordinal); i >= 0; i = source.IndexOf(Marker, i + 1, StringComparison.Ordinal))
        {
            var start = i + Marker.Length;
            var end = source.IndexOf('"', start);
            yield return source[start..end].Split(',')[0].Trim();
        }
    }

    /// <summary>Project name → names of the product projects it references (project files under functions/).</summary>
    private static Dictionary<string, List<string>> ProductGraph() =>
        ProductProjects().ToDictionary(
            p => p.Name,
            p => XDocument.Load(p.File).Descendants("ProjectReference")
                .Select(r => System.IO.Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
                .Order(StringComparer.Ordinal)
                .ToList(),
            StringComparer.Ordinal);

    private static IEnumerable<(string Name, string File)> ProductProjects() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryRoot(), "functions"), "*.csproj", SearchOption.AllDirectories)
            .Select(f => (System.IO.Path.GetFileNameWithoutExtension(f), f));

    private static HashSet<string> Closure(Dictionary<string, List<string>> graph, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(graph.GetValueOrDefault(from) ?? []);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var n in graph.GetValueOrDefault(next) ?? [])
                {
                    stack.Push(n);
                }
            }
        }
        return seen;
    }

    /// <summary>One chain of references from <paramref name="from"/> to <paramref name="to"/>, for the failure message.</summary>
    private static string Path(Dictionary<string, List<string>> graph, string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var at) && at != to)
        {
            foreach (var n in graph.GetValueOrDefault(at) ?? [])
            {
                if (n != from && previous.TryAdd(n, at))
                {
                    queue.Enqueue(n);
                }
            }
        }
        var chain = new List<string> { to };
        while (previous.TryGetValue(chain[^1], out var p))
        {
            chain.Add(p);
        }
        chain.Reverse();
        return string.Join(" → ", chain);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TssFunctions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("TssFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
