namespace Tss.DevTools.Local;

/// <summary>Finds the repository checkout the tools run from (local emulators are installed there, in <c>infra/local</c>).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>
    /// The directory holding <c>TssFunctions.sln</c>: <c>TSS_REPO_ROOT</c> when set (the <c>./tss</c> script sets it),
    /// else found by walking up from the binaries, then from the working directory.
    /// </summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("TSS_REPO_ROOT") is { Length: > 0 } fromEnv && IsRoot(fromEnv))
        {
            return System.IO.Path.GetFullPath(fromEnv);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"TssFunctions.sln not found above {AppContext.BaseDirectory}; run from the repository checkout or set TSS_REPO_ROOT.");
    }

    private static bool IsRoot(string dir) => File.Exists(System.IO.Path.Combine(dir, "TssFunctions.sln"));
}
