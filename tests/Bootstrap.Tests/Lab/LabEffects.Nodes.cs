using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>Node lifecycle effects: joining, VM reboots and replacements, the vm-ready and node-removal steps.</summary>
internal static partial class LabEffects
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>What an operation does to cluster membership and to the run's record of VM reboots and replacements.</summary>
    private static void Nodes(Registration r, LabContext c)
    {
        var lab = c.Lab;
        if (r.Type == Types.Vm && c.Operation == Operation.Update && NodeLifecycleRules.Reboots(r, c.Old))
        {
            lab.Rebooted.Add(r.Name);
        }
        else if (r.Type == Types.Vm && c.Operation == Operation.Replace)
        {
            lab.Replaced.Add(r.Name);
        }
        else if (r.Type == Types.ConfigApply && LabRules.MachineConfig(r, "machineType") is { } type)
        {
            // A configured node registers its Node object; a control plane joins etcd (Talos: etcd joins on config apply).
            lab.Members[r.Text("node")!] = type == "controlplane";
        }
    }

    /// <summary>vm-ready passes once the node answers (configured, or in maintenance mode when new); node-removal creates nothing.</summary>
    private static void NodeScript(Registration r, LabContext c, PlannedResource planned)
    {
        if (planned.Kind == ResourceKind.VmReady && c.Blueprint.Nodes.Single(n => n.Name == planned.Node).Ip is var ip
            && !(c.Lab.Nodes.ContainsKey(ip) && r.Comes(PlannedResource.KeyOf(Stages.Vm, planned.Node).Replace('/', '-'))))
        {
            throw new LabFailure(LabRules.GateMustPass, r.Name, $"{planned.Node} ({ip}) answered neither with credentials nor in maintenance mode");
        }
    }

    /// <summary>
    /// A node-removal delete script that resets the node gracefully and deletes its Node object takes it out of the cluster:
    /// its Node object goes, and a control plane leaves etcd (Talos Reset "leave"); other delete scripts change nothing here.
    /// </summary>
    private static void DeleteScript(JsonObject inputs, LabState lab)
    {
        var script = inputs["delete"]?.ToString() ?? "";
        if (GracefulReset().Match(script) is { Success: true } reset && script.Contains("delete node ", StringComparison.Ordinal))
        {
            lab.Members.Remove(reset.Groups[1].Value);
        }
    }

    /// <summary>The image file names carry the first 12 characters of the schematic id (Blueprint TalosImage.FileName).</summary>
    private static string? SchematicOf(string volume) => SchematicPart().Match(volume) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"--nodes (\S+) reset --graceful")]
    private static partial Regex GracefulReset();

    [GeneratedRegex(@"-([0-9a-f]{12})-")]
    private static partial Regex SchematicPart();
}
