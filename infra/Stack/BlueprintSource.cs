using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>Builds the Blueprint from the config Pulumi hands the program; invalid input stops the run before any resource exists.</summary>
internal static class BlueprintSource
{
    public static ClusterBlueprint Load()
    {
        try
        {
            var blueprint = Planner.LoadForPulumi(
                Deployment.Instance.StackName,
                Environment.GetEnvironmentVariable(PulumiConfig.ConfigVariable),
                Environment.GetEnvironmentVariable(PulumiConfig.SecretKeysVariable),
                new RepoDirectory(RepoDirectory.FindRoot(Directory.GetCurrentDirectory())));
            foreach (var warning in blueprint.Warnings)
            {
                Log.Warn(warning.ToString());
            }

            return blueprint;
        }
        catch (BlueprintException e)
        {
            // RunException: Pulumi prints the message without a stack trace.
            throw new RunException($"the stack configuration is invalid; nothing was changed:{Environment.NewLine}{e.Message}");
        }
    }
}
