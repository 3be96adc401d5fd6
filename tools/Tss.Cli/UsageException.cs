namespace Tss.Cli;

/// <summary>A command was called wrongly; the message is shown with exit code 64.</summary>
internal sealed class UsageException(string message) : Exception(message);
