namespace Bootstrap.Tests.Lab;

/// <summary>What the lab knows about cluster membership and about the current run's VM changes.</summary>
internal sealed partial class LabState
{
    /// <summary>
    /// Nodes that joined the cluster, by IP, and whether each is a control plane: each has a Kubernetes Node object and a
    /// control plane an etcd member too. This is what `talosctl health` compares a node list with.
    /// </summary>
    public Dictionary<string, bool> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>VMs the current run rebooted (a cores or memory change), in order.</summary>
    public List<string> Rebooted { get; } = [];

    /// <summary>VMs the current run replaced (a new VM under the same name).</summary>
    public HashSet<string> Replaced { get; } = new(StringComparer.Ordinal);

    /// <summary>A new `pulumi up` or `destroy` starts: forgets what the previous run changed.</summary>
    public void StartRun()
    {
        Rebooted.Clear();
        Replaced.Clear();
    }
}
