using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Upgrades;
using Pulumi;
using Pulumi.Command.Local;

namespace Bootstrap.Stack;

/// <summary>
/// In-place upgrades as local commands (talosctl on the machine running `pulumi up`): each step re-runs when its
/// target version changes and does nothing where the node already runs it. The scripts come from the Blueprint.
/// </summary>
public sealed class ClusterUpgrades : ComponentResource
{
    public ClusterUpgrades(ClusterBlueprint blueprint, ResourceWiring wiring, Output<string> talosconfig)
        : base("bootstrap:index:ClusterUpgrades", "upgrades")
    {
        foreach (var step in blueprint.UpgradeSteps)
        {
            wiring.Add(step.Key, new Command(wiring[step.Key].Name, new CommandArgs
            {
                Create = step.Script,
                Interpreter = { "/bin/bash", "-c" },
                Environment = { [UpgradePlan.TalosConfigVariable] = talosconfig },
                Triggers = { (Input<object>)step.Trigger },
            }, wiring.Options(step.Key, this)));
        }

        RegisterOutputs();
    }
}
