namespace Tss.Cli.Chaos;

/// <summary>Parameters of <c>tss chaos --docs N --kills K</c>.</summary>
internal sealed record ChaosSettings
{
    public int Docs { get; init; } = 200;
    public int Kills { get; init; }
    public int AzuriteRestarts { get; init; }
    public int Seed { get; init; } = 1;
    public int Entities { get; init; } = 3;
    public int Items { get; init; } = 2;
    public int Batch { get; init; } = 50;
    public int Concurrency { get; init; } = 4;

    /// <summary>Clock scale shared by the simulator and the pipeline: the mandated 15 s wait takes 15/scale seconds.</summary>
    public double ClockScale { get; init; } = 15;

    /// <summary>How long the run may take to bring every document to its final state (real time).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public bool Verbose { get; init; }
    public string? HostAssembly { get; init; }

    public static ChaosSettings From(CommandLine cmd)
    {
        var s = new ChaosSettings
        {
            Docs = cmd.GetInt("docs", 200),
            Kills = cmd.GetInt("kills", 0),
            AzuriteRestarts = cmd.GetInt("azurite-restarts", 0),
            Seed = cmd.GetInt("seed", 1),
            Entities = cmd.GetInt("entities", 3),
            Items = cmd.GetInt("items", 2),
            Batch = cmd.GetInt("batch", 50),
            Concurrency = cmd.GetInt("concurrency", 4),
            ClockScale = cmd.GetDouble("scale", 15),
            Timeout = TimeSpan.FromSeconds(cmd.GetInt("timeout", 1800)),
            Verbose = cmd.Has("verbose"),
            HostAssembly = cmd.Get("host-assembly"),
        };
        if (s.Docs < 1 || s.Kills < 0 || s.AzuriteRestarts < 0 || s.Entities < 1 || s.Batch is < 1 or > 500 || s.Concurrency < 1 || s.ClockScale <= 0)
        {
            throw new UsageException("chaos needs --docs ≥ 1, --kills ≥ 0, --azurite-restarts ≥ 0, --entities ≥ 1, --batch 1–500, --scale > 0");
        }
        return s;
    }
}
