using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Blueprint.Plan;

/// <summary>A planned local script: the resource (name, protect, retain) and the script it runs.</summary>
public sealed record ScriptStep(PlannedResource Resource, LocalScript Script)
{
    public static ScriptStep Of(ClusterBlueprint blueprint, string stage, string? member = null)
    {
        var planned = blueprint.Plan.Resource(PlannedResource.KeyOf(stage, member));
        return new ScriptStep(planned, blueprint.Scripts[planned.Key]);
    }
}

/// <summary>A planned Helm release: the resource and the release from the core app's definition in Git.</summary>
public sealed record ReleaseSpec(PlannedResource Resource, HelmRelease Release)
{
    /// <param name="app">The core app (<see cref="BootstrapReleases.Apps"/>) the stage installs.</param>
    public static ReleaseSpec Of(ClusterBlueprint blueprint, string stage, string app) =>
        new(blueprint.Plan.Resource(stage), blueprint.Addons.Release(app));
}
