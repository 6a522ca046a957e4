using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Upgrades;

namespace Bootstrap.Cli.Commands;

/// <summary>Stack file → Blueprint, the CLI's path through the same binder Pulumi uses.</summary>
internal static class StackLoader
{
    public static (ClusterBlueprint? Blueprint, IReadOnlyList<Diagnostic> Diagnostics) Load(
        string repoRoot, string stack, FileInfo? installedFile = null)
    {
        CheckName(stack);
        var (values, fileFindings) = StackFile.Read(repoRoot, stack);
        if (fileFindings.Any(f => f.Severity == Severity.Error))
        {
            return (null, fileFindings);
        }

        try
        {
            var installed = installedFile is null
                ? null
                : InstalledVersions.Parse(FileText.Read(installedFile.FullName, installedFile.Name), installedFile.Name);
            var blueprint = Planner.Load(stack, values, new RepoDirectory(repoRoot), installed);
            IReadOnlyList<Diagnostic> notes = installedFile is not null && installed is null
                ? [FindingId.NeverDeployed.At(
                    installedFile.Name,
                    "records no installed versions (a stack never deployed)",
                    "upgrade checks skipped: nothing runs yet")]
                : [];
            return (blueprint, [.. fileFindings, .. blueprint.Warnings, .. blueprint.Config.Silences.Apply(notes)]);
        }
        catch (BlueprintException e)
        {
            return (null, [.. fileFindings, .. e.Diagnostics]);
        }
    }

    public static IReadOnlyList<string> Stacks(string repoRoot) => StackFile.Stacks(repoRoot);

    /// <summary>A stack name is checked before anything is looked up with it: a bad one is a usage error naming the rule.</summary>
    public static void CheckName(string stack)
    {
        if (StackName.Problem(stack) is { } problem)
        {
            throw new UsageException($"stack '{stack}': {problem}; {StackName.Rule}");
        }
    }
}
