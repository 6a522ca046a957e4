using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Tools.Environments;

/// <summary>A stack of the repository as new-env reads it: planned like plan does, or only bound for comparing with others.</summary>
internal static class RepositoryStacks
{
    public static (ClusterBlueprint? Blueprint, IReadOnlyList<Diagnostic> Problems) Load(string stack, IRepository repository)
    {
        var (values, fileFindings) = StackFile.Read(repository, stack);
        if (fileFindings.Any(f => f.Severity == Severity.Error))
        {
            return (null, fileFindings);
        }

        try
        {
            var blueprint = Planner.Load(stack, values, repository);
            return (blueprint, [.. fileFindings, .. blueprint.Warnings]);
        }
        catch (BlueprintException e)
        {
            return (null, [.. fileFindings, .. e.Diagnostics]);
        }
    }

    public static StackConfig? Bind(string stack, IRepository repository)
    {
        var (values, findings) = StackFile.Read(repository, stack);
        return findings.Any(f => f.Severity == Severity.Error) ? null : ConfigBinder.Bind(stack, values).Config;
    }
}
