using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;

namespace Bootstrap.Tests.Support;

/// <summary>Day-2 edits of a stack's cluster config, and state edits a person makes with the Pulumi CLI.</summary>
internal static class ClusterEdit
{
    /// <summary>The empty lab of a stack; dev gets a second host when a node is to move there.</summary>
    public static LabState EmptyLab(string stack, bool spareHost = false) => new(stack == "dev"
        ? (spareHost ? LabFacts.Ready("pve1", "pve2") : LabFacts.Ready("pve1"))
        : LabFacts.Ready("pve2", "pve3"));

    /// <summary>The stack's config with <paramref name="edit"/> applied to bootstrap:cluster.</summary>
    public static Dictionary<string, string> Config(string stack, Action<JsonObject> edit)
    {
        var config = LabRun.Config(stack);
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        edit(cluster);
        config["bootstrap:cluster"] = cluster.ToJsonString();
        return config;
    }

    public static Dictionary<string, string> Without(string stack, params string[] nodes) =>
        Config(stack, c => Array.ForEach(nodes, n => c["nodes"]!.AsObject().Remove(n)));

    public static Dictionary<string, string> Node(string stack, string node, string key, JsonNode value) =>
        Config(stack, c => c["nodes"]![node]![key] = value);

    public static Dictionary<string, string> ControlPlanes(string stack, string key, JsonNode value) => Config(stack, c =>
    {
        foreach (var (_, node) in c["nodes"]!.AsObject().Where(n => n.Value!["role"]!.ToString() == "controlplane"))
        {
            node![key] = value.DeepClone();
        }
    });

    public static Dictionary<string, string> WithExtension(string stack, string extension) =>
        Config(stack, c => c["imageExtensions"]!.AsArray().Add(extension));

    /// <summary>`pulumi state unprotect` of every resource of the given nodes, as the changing-nodes runbook does for ops.</summary>
    public static StackState Unprotected(StackState state, params string[] nodes)
    {
        var edited = new StackState();
        foreach (var entry in state.Entries)
        {
            edited.Add(nodes.Any(n => entry.Name.EndsWith($"-{n}", StringComparison.Ordinal)) ? entry with { Protect = false } : entry);
        }

        return edited;
    }

    /// <summary>The blueprint with one kind of step's scripts changed (to break a rule on purpose).</summary>
    public static Func<ClusterBlueprint, ClusterBlueprint> Scripts(
        string stage, Func<Blueprint.Scripts.LocalScript, Blueprint.Scripts.LocalScript> change) => b => b with
    {
        Scripts = b.Scripts.ToDictionary(s => s.Key, s => s.Key.Split('/')[0] == stage ? change(s.Value) : s.Value),
    };
}
