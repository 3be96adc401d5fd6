using System.Text.RegularExpressions;

namespace Tss.Runtime.Queues;

/// <summary>Queue naming rules and the poison-queue convention.</summary>
public static partial class QueueNames
{
    /// <summary>Suffix of the queue that receives the messages a queue gave up on.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Longest queue name that still leaves room for <see cref="PoisonSuffix"/> (Azure allows 63).</summary>
    public const int MaxLength = 63 - 7;

    /// <summary>The poison queue of <paramref name="queueName"/>.</summary>
    public static string Poison(string queueName) => queueName + PoisonSuffix;

    /// <summary>
    /// True for a valid queue name: 3–56 characters, lowercase letters, digits and single hyphens, starting and
    /// ending with a letter or digit.
    /// </summary>
    public static bool IsValid(string? queueName) =>
        queueName is { Length: >= 3 and <= MaxLength } && ValidName().IsMatch(queueName) && !queueName.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
