using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Proxmox;

namespace Bootstrap.Blueprint.Plan;

/// <summary>What the Proxmox side needs before any VM: the API, what the preflight reads, the schematic and one image per host.</summary>
/// <param name="Hosts">The Proxmox hosts whose datastores the preflight reads.</param>
public sealed record ProxmoxSpec(
    PlannedResource Provider,
    ProxmoxEndpoint Api,
    ClusterSettings Cluster,
    IReadOnlyList<string> Hosts,
    PlannedResource Schematic,
    string SchematicYaml,
    IReadOnlyList<ImageSpec> Images)
{
    public static ProxmoxSpec For(ClusterBlueprint blueprint) => new(
        blueprint.Plan.Resource(Stages.ProxmoxProvider),
        blueprint.Config.Proxmox,
        blueprint.Config.Cluster,
        [.. blueprint.Downloads.Select(d => d.Host)],
        blueprint.Plan.Resource(Stages.Schematic),
        blueprint.Image.Schematic.Yaml,
        [.. blueprint.Downloads.Select(d => new ImageSpec(blueprint.Plan.Resource(Stages.Image, d.Host), d))]);
}

/// <summary>The Talos image downloaded to one Proxmox host.</summary>
public sealed record ImageSpec(PlannedResource Resource, ImageDownload Download);
