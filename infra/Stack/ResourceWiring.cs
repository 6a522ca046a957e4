using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>
/// Resolves the Blueprint's per-resource dependencies to Pulumi resources. Components register what they create under
/// the Blueprint's key and ask for options by key; no ordering is decided here.
/// </summary>
public sealed class ResourceWiring(ClusterBlueprint blueprint)
{
    private readonly Dictionary<string, Input<Resource>> _created = new(StringComparer.Ordinal);

    public PlannedResource this[string key] => blueprint.Resource(key);

    /// <summary>Options for the resource planned under <paramref name="key"/>: its parent, provider and exactly its planned dependencies.</summary>
    public CustomResourceOptions Options(string key, Resource parent, ProviderResource? provider = null) => new()
    {
        Parent = parent,
        Provider = provider,
        DependsOn = DependsOn(key),
    };

    public InputList<Resource> DependsOn(string key) =>
        blueprint.Resource(key).DependsOn.Select(dependency => _created.TryGetValue(dependency, out var resource)
            ? resource
            : throw new InvalidOperationException($"{key} depends on {dependency}, which has not been created yet")).ToList();

    public T Add<T>(string key, T resource)
        where T : Resource
    {
        _created.Add(key, resource);
        return resource;
    }

    /// <summary>A step that is not a resource (the health check): dependents wait until <paramref name="done"/> resolves.</summary>
    public void Add(string key, Output<Resource> done) => _created.Add(key, done);
}
