using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>A VM size per role: Talos's hard minimum (below it Talos does not run) and the platform's recommendation.</summary>
public sealed record NodeSize(int Cores, int MemoryMiB, int DiskGiB);

/// <summary>Below Talos's minimum or above what Proxmox takes is an error; below the seed's recommendation a warning.</summary>
public sealed class SizeRule : IRule<ConfigContext>
{
    /// <summary>Talos system requirements: control plane 2 cores / 2 GiB / 10 GiB, worker 1 core / 1 GiB / 10 GiB.</summary>
    public static readonly IReadOnlyDictionary<NodeRole, NodeSize> TalosMinimum = new Dictionary<NodeRole, NodeSize>
    {
        [NodeRole.ControlPlane] = new(2, 2048, 10),
        [NodeRole.Worker] = new(1, 1024, 10),
    };

    /// <summary>The platform's sizing: control plane 2 cores / 4 GiB / 20 GiB, worker 4 cores / 8 GiB / 50 GiB.</summary>
    public static readonly IReadOnlyDictionary<NodeRole, NodeSize> Recommended = new Dictionary<NodeRole, NodeSize>
    {
        [NodeRole.ControlPlane] = new(2, 4096, 20),
        [NodeRole.Worker] = new(4, 8192, 50),
    };

    /// <summary>
    /// The most the bpg provider accepts for a VmLegacy (bpg/terraform-provider-proxmox proxmoxtf/resource/vm/vm.go: cores
    /// 1-2304, memory 64-268435456 MiB); a disk has no upper bound there (vm/disk/schema.go), only the SDK's int.
    /// </summary>
    public static readonly NodeSize Maximum = new(2304, 268_435_456, int.MaxValue);

    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        foreach (var (name, node) in config.Cluster.Nodes)
        {
            var role = node.Role == NodeRole.ControlPlane ? "control plane" : "worker";
            var minimum = TalosMinimum[node.Role];
            var recommended = Recommended[node.Role];
            foreach (var (field, value, min, rec, max, unit) in new[]
            {
                ("cores", node.Cores, minimum.Cores, recommended.Cores, Maximum.Cores, " cores"),
                ("memoryMiB", node.MemoryMiB, minimum.MemoryMiB, recommended.MemoryMiB, Maximum.MemoryMiB, " MiB"),
                ("diskGiB", node.DiskGiB, minimum.DiskGiB, recommended.DiskGiB, Maximum.DiskGiB, " GiB"),
            })
            {
                if (value > max)
                {
                    yield return FindingId.NodeSize.At(Keys.Node(name, field),
                        $"{value}{unit} is more than Proxmox (the bpg provider) accepts for a VM, at most {max}{unit}",
                        $"set at most {max} (recommended {rec} for a {role})");
                }
                else if (value < min)
                {
                    yield return FindingId.NodeSize.At(
                        Keys.Node(name, field),
                        $"{value}{unit} is below Talos's minimum of {min}{unit} for a {role}",
                        $"set at least {min} (recommended {rec})");
                }
                else if (value < rec)
                {
                    yield return FindingId.NodeSizeBelowRecommended.At(
                        Keys.Node(name, field),
                        $"{value}{unit} is below the recommended {rec}{unit} for a {role}",
                        $"set {rec} unless this is a throwaway lab");
                }
            }
        }
    }
}
