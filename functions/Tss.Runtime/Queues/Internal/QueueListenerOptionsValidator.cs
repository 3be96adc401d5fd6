using Microsoft.Extensions.Options;

namespace Tss.Runtime.Queues.Internal;

/// <summary>Checks every listener's settings when the host starts.</summary>
internal sealed class QueueListenerOptionsValidator : IValidateOptions<QueueListenerOptions>
{
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, QueueListenerOptions options)
    {
        var errors = new List<string>();
        var queue = options.QueueName;
        if (!QueueNames.IsValid(queue))
        {
            errors.Add($"Queue '{queue}': the name must be 3–{QueueNames.MaxLength} lowercase letters, digits or single hyphens.");
        }
        if (options.BatchSize is < 1 or > 32)
        {
            errors.Add($"Queue '{queue}': BatchSize must be between 1 and 32.");
        }
        if (options.MaxConcurrency < 1)
        {
            errors.Add($"Queue '{queue}': MaxConcurrency must be at least 1.");
        }
        if (options.VisibilityTimeout < TimeSpan.FromSeconds(1) || options.VisibilityTimeout > MaxVisibility
            || options.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"Queue '{queue}': VisibilityTimeout must be whole seconds between 1 s and 7 days.");
        }
        if (options.MaxDequeueCount < 1)
        {
            errors.Add($"Queue '{queue}': MaxDequeueCount must be at least 1.");
        }
        if (options.FailureVisibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibility))
        {
            errors.Add($"Queue '{queue}': FailureVisibilityDelay must be between 0 and 7 days.");
        }
        if (options.IdleBackoffMin <= TimeSpan.Zero || options.IdleBackoffMax < options.IdleBackoffMin)
        {
            errors.Add($"Queue '{queue}': IdleBackoffMin must be positive and not above IdleBackoffMax.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
