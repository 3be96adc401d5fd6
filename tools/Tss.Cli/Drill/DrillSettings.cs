namespace Tss.Cli.Drill;

/// <summary>Parameters of <c>tss drill contingency --docs N</c>.</summary>
internal sealed record DrillSettings
{
    public int Docs { get; init; } = 300;

    /// <summary>Documents per request; the stream sends one request every <see cref="Pace"/>.</summary>
    public int Batch { get; init; } = 5;

    public TimeSpan Pace { get; init; } = TimeSpan.FromMilliseconds(250);

    public int Items { get; init; } = 2;

    /// <summary>Clock scale shared by the simulator and the host.</summary>
    public double ClockScale { get; init; } = 15;

    /// <summary>How long the run may take to bring every document to its final state (real time).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public bool Verbose { get; init; }
    public string? HostAssembly { get; init; }

    public static DrillSettings From(CommandLine cmd)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var s = new DrillSettings
        {
            Docs = cmd.GetInt("docs", 300),
            Batch = cmd.GetInt("batch", 5),
            Pace = TimeSpan.FromMilliseconds(cmd.GetInt("pace-ms", 250)),
            Items = cmd.GetInt("items", 2),
            ClockScale = cmd.GetDouble("scale", 15),
            Timeout = TimeSpan.FromSeconds(cmd.GetInt("timeout", 600)),
            Verbose = cmd.Has("verbose"),
            HostAssembly = cmd.Get("host-assembly"),
        };
        if (s.Docs < 6 || s.Batch is < 1 or > 50 || s.ClockScale <= 0 || s.Pace < TimeSpan.Zero)
        {
            throw new UsageException("drill contingency needs --docs ≥ 6, --batch 1–50, --scale > 0, --pace-ms ≥ 0");
        }
        return s;
    }
}
