using System.Collections.Concurrent;
using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>
/// Records the name of every resource the program registers (a stack transformation) and fails the run when a planned
/// resource was never registered: a stage no component creates is a bug, never silence.
/// </summary>
internal sealed class PlanCoverage
{
    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.Ordinal);

    public StackOptions Recording(StackOptions options)
    {
        options.ResourceTransformations.Add(args =>
        {
            _registered.TryAdd(args.Resource.GetResourceName(), true);
            return null;
        });
        return options;
    }

    public void EnsureEveryPlannedResourceExists(BootstrapPlan plan)
    {
        var missing = plan.Resources.Where(r => r.Kind.CreatesResource() && !_registered.ContainsKey(r.Name)).Select(r => r.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"planned but never created: {string.Join(", ", missing)}");
        }
    }
}
