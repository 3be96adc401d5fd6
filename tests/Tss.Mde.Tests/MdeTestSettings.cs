namespace Tss.Mde.Tests;

/// <summary>The storage names (tables, container, queues) of one isolated MD-e stack on Azurite.</summary>
internal static class MdeTestSettings
{
    public static Dictionary<string, string?> Storage(string connectionString, string suffix) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Mde:CursorsTable"] = "cur" + suffix,
        ["Mde:DocumentsTable"] = "doc" + suffix,
        ["Mde:SharingTable"] = "shr" + suffix,
        ["Mde:DocumentsContainer"] = "mdedoc-" + suffix,
        ["Mde:NotifyQueue"] = "mden-" + suffix,
        ["Mde:CienciaQueue"] = "mdec-" + suffix,
        ["Mde:BusyWait"] = "00:00:30",
    };
}
