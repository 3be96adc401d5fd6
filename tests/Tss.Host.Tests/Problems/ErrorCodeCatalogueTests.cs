using System.Reflection;

namespace Tss.Host.Tests.Problems;

/// <summary>
/// Clients and dashboards key on the stable error codes: each product project keeps its codes in one catalogue (a static
/// class named &lt;Project&gt;ErrorCodes, groups nested inside it), and a code string means one thing in the whole product.
/// </summary>
public class ErrorCodeCatalogueTests
{
    [Fact]
    public void Every_project_keeps_its_error_codes_in_one_catalogue()
    {
        var catalogues = ProductAssemblies()
            .Select(a => (Project: a.GetName().Name!, Types: TopLevelTypes(a).Where(t => t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal)).ToList()))
            .Where(p => p.Types.Count > 0)
            .ToList();
        Assert.True(catalogues.Count >= 5, $"only {catalogues.Count} catalogues found: are the product assemblies loaded?");

        var several = catalogues.Where(p => p.Types.Count > 1)
            .Select(p => $"{p.Project}: {string.Join(", ", p.Types.Select(t => t.FullName))}").ToList();
        Assert.True(several.Count == 0, "Projects with more than one error-code catalogue:\n" + string.Join('\n', several));
    }

    [Fact]
    public void No_error_code_is_declared_twice_in_the_product()
    {
        var codes = ProductAssemblies()
            .SelectMany(a => TopLevelTypes(a).Where(t => t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal)))
            .SelectMany(Constants)
            .ToList();
        Assert.True(codes.Count > 50, $"only {codes.Count} error codes found: are the product assemblies loaded?");

        var duplicates = codes.GroupBy(c => c.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.True(duplicates.Count == 0,
            "Error codes declared more than once (use the owning project's constant instead of a second declaration):\n" + string.Join('\n', duplicates));
    }

    private static IEnumerable<(string Name, string Value)> Constants(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            yield return ($"{type.FullName}.{field.Name}", (string)field.GetRawConstantValue()!);
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            foreach (var constant in Constants(nested))
            {
                yield return constant;
            }
        }
    }

    private static IEnumerable<Type> TopLevelTypes(Assembly assembly)
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
        return types.OfType<Type>().Where(t => !t.IsNested);
    }

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Tss.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && !n.EndsWith(".Tests", StringComparison.Ordinal) && n != "Tss.Testing")
            .Select(n => Assembly.Load(n!));
}
