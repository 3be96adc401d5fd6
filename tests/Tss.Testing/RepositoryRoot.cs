namespace Tss.Testing;

/// <summary>Finds the repository checkout the tests run from.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The directory holding <c>TssFunctions.sln</c>, found by walking up from the test binaries.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TssFunctions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"TssFunctions.sln not found above {AppContext.BaseDirectory}; run the tests from the repository checkout.");
    }
}
