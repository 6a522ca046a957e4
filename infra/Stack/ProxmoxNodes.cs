using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Download;
using Pulumiverse.Talos.ImageFactory;

namespace Bootstrap.Stack;

/// <summary>The Proxmox side: what the core decided, and the API token from the stack's secrets.</summary>
public sealed record ProxmoxNodesArgs(ProxmoxSpec Spec, Output<string> ApiToken);

/// <summary>
/// The Proxmox provider and preflight, the Image Factory schematic and the Talos image once per Proxmox host: what the
/// nodes' VMs (created with Talos, node by node) boot from.
/// </summary>
public sealed class ProxmoxNodes : ComponentResource
{
    public ProxmoxNodes(string name, ProxmoxNodesArgs args, ComponentResourceOptions? options = null)
        : base("bootstrap:index:ProxmoxNodes", name, options)
    {
        var spec = args.Spec;
        Provider = new Provider(spec.Provider.Name, new ProviderArgs
        {
            Endpoint = spec.Api.Endpoint,
            Insecure = spec.Api.Insecure,
            ApiToken = args.ApiToken,
        }, PlannedOptions.Custom(spec.Provider, this, []));
        Preflight = RunPreflight(spec);
        var schematic = new Schematic(
            spec.Schematic.Name, new SchematicArgs { SchematicData = spec.SchematicYaml }, PlannedOptions.Custom(spec.Schematic, this, [Preflight]));
        Images = spec.Images.ToDictionary(image => image.Download.Host, image => (Resource)new Pulumi.ProxmoxVE.Download.File(
            image.Resource.Name,
            new FileArgs
            {
                NodeName = image.Download.Host,
                DatastoreId = image.Download.Datastore,
                ContentType = ImageDownload.ContentType,
                Url = image.Download.Url,
                FileName = image.Download.FileName,
                Overwrite = false,
                OverwriteUnmanaged = ImageDownload.OverwriteUnmanaged,
            },
            PlannedOptions.Custom(image.Resource, this, [schematic], Provider)));
        RegisterOutputs();
    }

    public ProviderResource Provider { get; }

    /// <summary>The provider once the preflight passed: what everything created first waits for (never this component, their parent).</summary>
    public Output<Resource> Preflight { get; }

    /// <summary>The Talos image on each Proxmox host, by host: a VM imports its disk from the one on its own host.</summary>
    public IReadOnlyDictionary<string, Resource> Images { get; }

    /// <summary>
    /// Reads the Proxmox version and each host's datastores (read access, so `pulumi preview` runs it too) and stops the run
    /// before anything is created when the Blueprint's preflight finds a problem.
    /// </summary>
    private Output<Resource> RunPreflight(ProxmoxSpec spec)
    {
        var options = new InvokeOutputOptions { Parent = this, Provider = Provider };
        var version = GetVersion.Invoke(options).Apply(v => v.Version);
        var datastores = Output.All(spec.Hosts.Select(host => GetDatastores.Invoke(new GetDatastoresInvokeArgs { NodeName = host }, options)
            .Apply(result => (host, (IReadOnlyList<DatastoreFacts>)result.Datastores
                .Select(d => new DatastoreFacts(d.Id, d.ContentTypes, d.Enabled ?? true, d.Active ?? true)).ToList()))));
        return Output.Tuple(version, datastores).Apply(facts =>
        {
            var findings = ProxmoxPreflightRule
                .Findings(spec.Cluster, facts.Item1, facts.Item2.ToDictionary(p => p.host, p => p.Item2))
                .ToList();
            return findings.Count == 0
                ? (Resource)Provider
                : throw new RunException(
                    $"Proxmox cannot hold this stack; nothing was changed:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
        });
    }
}
