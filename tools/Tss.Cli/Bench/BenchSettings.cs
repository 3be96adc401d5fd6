namespace Tss.Cli.Bench;

/// <summary>Parameters of <c>tss bench --docs N</c>.</summary>
internal sealed record BenchSettings
{
    public int Docs { get; init; } = 1000;
    public int Entities { get; init; } = 3;
    public int Items { get; init; } = 4;
    public int Batch { get; init; } = 50;
    public int Concurrency { get; init; } = 4;

    /// <summary>Clock scale shared by the simulator and the pipeline: the mandated 15 s wait takes 15/scale seconds.</summary>
    public double ClockScale { get; init; } = 15;

    public TimeSpan GatheringWindow { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    public bool Verbose { get; init; }

    /// <summary>Documents per second offered steadily (one batch every Batch/Rate seconds); 0 submits everything at once (burst).</summary>
    public double Rate { get; init; }

    /// <summary>Processes that each keep one core busy during the run (<c>--noise N</c>).</summary>
    public int Noise { get; init; }
    public string? HostAssembly { get; init; }

    /// <summary>The mandated first wait (max(15 s, tMed)) in wall-clock milliseconds at this scale.</summary>
    public double MandatedWaitMs => 15_000 / ClockScale;

    public static BenchSettings From(CommandLine cmd) => new()
    {
        Docs = cmd.GetInt("docs", 1000),
        Entities = cmd.GetInt("entities", 3),
        Items = cmd.GetInt("items", 4),
        Batch = cmd.GetInt("batch", 50),
        Concurrency = cmd.GetInt("concurrency", 4),
        ClockScale = cmd.GetDouble("scale", 15),
        GatheringWindow = TimeSpan.FromMilliseconds(cmd.GetInt("gathering-ms", 200)),
        Timeout = TimeSpan.FromSeconds(cmd.GetInt("timeout", 600)),
        Verbose = cmd.Has("verbose"),
        Rate = cmd.GetDouble("rate", 0),
        Noise = cmd.GetInt("noise", 0),
        HostAssembly = cmd.Get("host-assembly"),
    };
}
