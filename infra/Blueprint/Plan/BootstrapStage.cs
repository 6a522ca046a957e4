namespace Bootstrap.Blueprint.Plan;

/// <summary>How a dependency applies between per-node or per-host resources of two stages.</summary>
public enum EdgeScope
{
    /// <summary>Every resource of the stage waits for every resource of the other.</summary>
    All,

    /// <summary>A node's resource waits only for the same node's resource (a node's config apply waits for its own VM).</summary>
    SameNode,

    /// <summary>A node's resource waits only for its own Proxmox host's resource (a VM waits for the image on its host).</summary>
    SameHost,

    /// <summary>Waits only for the bootstrap node's resource.</summary>
    BootstrapNode,

    /// <summary>Within one stage: a node's resource waits for the previous node's (control planes first, then workers), so
    /// nodes go one at a time.</summary>
    PreviousNode,
}

/// <summary>How many resources a stage has: one, one per node, or one per Proxmox host.</summary>
public enum StageScope
{
    One,
    PerNode,
    PerHost,
}

/// <summary>One dependency, with the reason it is needed: no edge exists without one.</summary>
public sealed record StageEdge(string Stage, EdgeScope Scope, string Reason);

/// <summary>A step of the rebuild: what it creates, how many, and what it waits for. The Pulumi program has exactly these edges.</summary>
public sealed record BootstrapStage(string Id, string Title, ResourceKind Kind, StageScope Scope, IReadOnlyList<StageEdge> After);
