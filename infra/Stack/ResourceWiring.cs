using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>
/// Resolves the Blueprint's per-resource dependencies to Pulumi resources. Components register what they create under
/// the planned key and ask for options by planned resource; no ordering, protection or retention is decided here.
/// </summary>
public sealed class ResourceWiring(BootstrapPlan plan)
{
    private readonly Dictionary<string, Input<Resource>> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderResource> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<Resource>> _later = new(StringComparer.Ordinal);

    /// <summary>Options for <paramref name="planned"/>: its parent, provider, exactly its planned dependencies, protection and retention.</summary>
    public CustomResourceOptions Options(PlannedResource planned, Resource parent, string? providerStage = null) => new()
    {
        Parent = parent,
        Provider = providerStage is null ? null : _providers[providerStage],
        DependsOn = DependsOn(planned),
        Protect = planned.Protect,
        RetainOnDelete = planned.Retain,
    };

    /// <summary>Options for a multi-language component (ConfigGroup): the engine passes protect and retainOnDelete on to its children.</summary>
    public ComponentResourceOptions ComponentOptions(PlannedResource planned, Resource parent, string providerStage) => new()
    {
        Parent = parent,
        Provider = _providers[providerStage],
        DependsOn = DependsOn(planned),
        Protect = planned.Protect,
        RetainOnDelete = planned.Retain,
    };

    public ProviderResource Provider(string stage) => _providers[stage];

    /// <summary>
    /// A dependency another component creates later (a VM waits for the previous node's vm-ready step, which the Talos
    /// component creates) resolves once it is added: the plan is acyclic, so every such wait ends.
    /// </summary>
    public InputList<Resource> DependsOn(PlannedResource planned) =>
        planned.DependsOn.Select(dependency => _created.TryGetValue(dependency, out var resource)
            ? resource
            : plan.Resources.Any(r => r.Key == dependency)
                ? Later(dependency)
                : throw new InvalidOperationException($"{planned.Key} depends on {dependency}, which the plan does not have")).ToList();

    private Input<Resource> Later(string key)
    {
        if (!_later.TryGetValue(key, out var pending))
        {
            pending = new TaskCompletionSource<Resource>(TaskCreationOptions.RunContinuationsAsynchronously);
            _later.Add(key, pending);
        }

        return Output.Create(pending.Task);
    }

    public T Add<T>(PlannedResource planned, T resource)
        where T : Resource
    {
        _created.Add(planned.Key, resource);
        if (_later.Remove(planned.Key, out var pending))
        {
            pending.SetResult(resource);
        }

        if (resource is ProviderResource provider)
        {
            _providers.Add(planned.Stage, provider);
        }

        return resource;
    }

    /// <summary>A step that is not a resource (the Proxmox preflight): dependents wait until <paramref name="done"/> resolves.</summary>
    public void Add(PlannedResource planned, Output<Resource> done) => _created.Add(planned.Key, done);

    /// <summary>
    /// A planned step that creates nothing (restored secrets come from the config): dependents wait for what it waits for.
    /// </summary>
    public void AddStep(PlannedResource planned) =>
        _created.Add(planned.Key, planned.DependsOn is [var only]
            ? _created[only]
            : throw new InvalidOperationException(
                $"{planned.Key} creates nothing and must wait for exactly one step, not {planned.DependsOn.Count}"));

    /// <summary>Fails the program when a planned resource was never created: a kind no component maps is a bug, never silence.</summary>
    public void EnsureEveryPlannedResourceExists()
    {
        var missing = plan.Resources.Where(r => !_created.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"planned but never created: {string.Join(", ", missing)}");
        }
    }

    /// <summary>Every component maps each kind it owns or stops here, naming it.</summary>
    public static InvalidOperationException Unmapped(PlannedResource planned) =>
        new($"{planned.Component} has no mapping for {planned.Kind} ({planned.Key})");
}
