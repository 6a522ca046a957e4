using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>A planned resource's options: its parent, provider and dependencies, with the plan's protection and retention.</summary>
internal static class PlannedOptions
{
    public static CustomResourceOptions Custom(
        PlannedResource planned, Resource parent, InputList<Resource> dependsOn, ProviderResource? provider = null) => new()
    {
        Parent = parent,
        Provider = provider,
        DependsOn = dependsOn,
        Protect = planned.Protect,
        RetainOnDelete = planned.Retain,
    };

    /// <summary>For a multi-language component (ConfigGroup): the engine passes protect and retainOnDelete on to its children.</summary>
    public static ComponentResourceOptions Component(
        PlannedResource planned, Resource parent, InputList<Resource> dependsOn, ProviderResource provider) => new()
    {
        Parent = parent,
        Provider = provider,
        DependsOn = dependsOn,
        Protect = planned.Protect,
        RetainOnDelete = planned.Retain,
    };
}
