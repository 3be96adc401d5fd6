namespace Tss.DevTools.Processes;

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and error, interleaved as read.</param>
public sealed record ProcessResult(int ExitCode, string Output);
