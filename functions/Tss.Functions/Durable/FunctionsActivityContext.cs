using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Tss.Functions.Durable;

/// <summary>
/// What a shared <see cref="TaskActivity{TInput, TOutput}"/> sees of its invocation when an <c>[ActivityTrigger]</c>
/// function runs it: its name and its orchestration's instance id (from the trigger's binding data).
/// </summary>
internal sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    /// <summary>
    /// Runs <typeparamref name="TActivity"/> (created from the invocation's services, as the local worker resolves it)
    /// on <paramref name="input"/>. The function's name is the activity's class name: the orchestrators call it so.
    /// </summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        var instanceId = function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
        return activity.RunAsync(new FunctionsActivityContext(function.FunctionDefinition.Name, instanceId), input);
    }
}
