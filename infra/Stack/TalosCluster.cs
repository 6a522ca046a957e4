using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Secrets;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumiverse.Talos.Cluster;
using Pulumiverse.Talos.Cluster.Inputs;
using Pulumiverse.Talos.Machine;
using Pulumiverse.Talos.Machine.Inputs;
using ClientConfig = Pulumiverse.Talos.Client;
using MachineConfig = Pulumiverse.Talos.Machine.GetConfiguration;

namespace Bootstrap.Stack;

/// <param name="RestoredSecrets">bootstrap:talosSecrets (secret) when the spec restores them, else null.</param>
public sealed record TalosClusterArgs(TalosClusterSpec Spec, ProxmoxNodes Proxmox, Output<string>? RestoredSecrets);

/// <summary>A node whose machine config was applied: what removing it later waits for.</summary>
public sealed record ConfiguredNode(TalosNodeSpec Spec, Resource ConfigApply);

/// <summary>
/// Talos on the nodes: the machine secrets; node by node the VM, the wait until it is Ready and the Talos upgrade; the
/// Kubernetes upgrade; each node's config; the etcd bootstrap and the admin kubeconfig.
/// </summary>
public sealed class TalosCluster : ComponentResource
{
    public TalosCluster(string name, TalosClusterArgs args, ComponentResourceOptions? options = null)
        : base("bootstrap:index:TalosCluster", name, options)
    {
        var spec = args.Spec;
        var cluster = spec.Cluster;
        var proxmox = args.Proxmox;
        var (bundle, client, secretsReady) = args.RestoredSecrets is { } restored
            ? Restore(restored, cluster.Name, proxmox.Preflight)
            : Generate(spec, proxmox.Preflight);
        Talosconfig = Output.CreateSecret(ClientConfiguration(cluster.Name, client, cluster.ClientEndpoints, spec.NodeIps));
        // The scripts name their endpoints and nodes themselves: a talosconfig without them stays the same when nodes change.
        StepTalosconfig = Output.CreateSecret(ClientConfiguration(cluster.Name, client, [], []));
        TalosSecrets = Output.CreateSecret(bundle.Apply(b => b.ToYaml()));

        var vms = new List<Resource>();
        var upgrades = new List<Resource>();
        Resource? previousReady = null;
        foreach (var node in spec.Nodes)
        {
            var vm = Vm(node, proxmox, previousReady);
            previousReady = ScriptCommand.Create(node.VmReady, this, [vm, secretsReady], StepTalosconfig);
            InputList<Resource> upgradeAfter = upgrades.Count == 0 ? [previousReady] : [previousReady, upgrades[^1]];
            upgrades.Add(ScriptCommand.Create(node.TalosUpgrade, this, upgradeAfter, StepTalosconfig));
            vms.Add(vm);
        }

        var kubernetesUpgrade = ScriptCommand.Create(spec.KubernetesUpgrade, this, [.. upgrades], StepTalosconfig);
        var machineSecrets = bundle.Apply(MachineSecretsMapping.ToInput);
        Nodes = [.. spec.Nodes.Zip(vms, (node, vm) => new ConfiguredNode(
            node, ConfigApply(cluster, node, machineSecrets, client, [vm, secretsReady, kubernetesUpgrade])))];
        var etcd = ScriptCommand.Create(
            spec.EtcdBootstrap, this, [Nodes.Single(n => n.Spec.Node.Name == cluster.BootstrapNode).ConfigApply], StepTalosconfig);
        KubeconfigResource = new Kubeconfig(spec.Kubeconfig.Name, new KubeconfigArgs
        {
            Node = cluster.BootstrapIp,
            Endpoint = cluster.BootstrapIp,
            ClientConfiguration = client.Apply(c => new KubeconfigClientConfigurationArgs
            {
                CaCertificate = c.CaCertificate,
                ClientCertificate = c.ClientCertificate,
                ClientKey = c.ClientKey,
            }),
        }, PlannedOptions.Custom(spec.Kubeconfig, this, [etcd]));
        Kubeconfig = Output.CreateSecret(KubeconfigResource.KubeconfigRaw);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["kubeconfig"] = Kubeconfig,
            ["talosconfig"] = Talosconfig,
            ["talosSecrets"] = TalosSecrets,
        });
    }

    /// <summary>The admin kubeconfig (secret).</summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>The resource that fetched <see cref="Kubeconfig"/>: what the first wait on the Kubernetes API comes after.</summary>
    public Kubeconfig KubeconfigResource { get; }

    /// <summary>The talosconfig for people: every control plane as an endpoint, every node (secret).</summary>
    public Output<string> Talosconfig { get; }

    /// <summary>The talosconfig the local scripts get: credentials only, no endpoints or nodes (secret).</summary>
    public Output<string> StepTalosconfig { get; }

    /// <summary>The machine secrets, generated or restored, as <c>talosctl gen secrets</c> writes them (secret): what backup saves.</summary>
    public Output<string> TalosSecrets { get; }

    /// <summary>Every node in creation order, with its applied machine config.</summary>
    public IReadOnlyList<ConfiguredNode> Nodes { get; }

    private (Output<TalosSecretsBundle>, Output<TalosClientCredentials>, Input<Resource>) Generate(
        TalosClusterSpec spec, Output<Resource> preflight)
    {
        var secrets = new Secrets(
            spec.Secrets.Name,
            new SecretsArgs { TalosVersion = spec.Cluster.ConfigContract },
            PlannedOptions.Custom(spec.Secrets, this, [preflight]));
        return (
            secrets.MachineSecrets.Apply(MachineSecretsMapping.ToBundle),
            secrets.ClientConfiguration.Apply(c => new TalosClientCredentials(c.CaCertificate, c.ClientCertificate, c.ClientKey)),
            secrets);
    }

    /// <summary>
    /// Secrets of an earlier cluster, decrypted only inside the engine (Output.Apply keeps the secret flag). Nothing is
    /// created: what waits for the secrets waits for what they wait for, the preflight.
    /// </summary>
    private static (Output<TalosSecretsBundle>, Output<TalosClientCredentials>, Input<Resource>) Restore(
        Output<string> restored, string cluster, Output<Resource> preflight)
    {
        var key = ConfigKey.Of(ConfigBinder.TalosSecrets);
        var bundle = restored.Apply(yaml => TalosSecretsBundle.Parse(yaml, key));
        return (bundle, bundle.Apply(b => TalosAdminCertificate.For(b, cluster)), preflight);
    }

    /// <summary>The node's VM, parented here since VMs and Talos steps interleave; the alias keeps the URN it had under ProxmoxNodes.</summary>
    private VmLegacy Vm(TalosNodeSpec node, ProxmoxNodes proxmox, Resource? previousReady)
    {
        var options = PlannedOptions.Custom(
            node.Vm, this, previousReady is null ? [proxmox.Images[node.Node.Vm.Host]] : [proxmox.Images[node.Node.Vm.Host], previousReady],
            proxmox.Provider);
        options.IgnoreChanges = [.. VirtualMachine.IgnoredAfterCreate];
        options.Aliases = [new Alias { Parent = proxmox }];
        return new VmLegacy(node.Vm.Name, VmArgs.For(node.Node.Vm), options);
    }

    private ConfigurationApply ConfigApply(
        TalosClusterPlan cluster,
        TalosNodeSpec node,
        Output<MachineSecretsInputArgs> machineSecrets,
        Output<TalosClientCredentials> client,
        InputList<Resource> dependsOn)
    {
        var config = MachineConfig.Invoke(new GetConfigurationInvokeArgs
        {
            ClusterName = cluster.Name,
            ClusterEndpoint = cluster.Endpoint,
            MachineType = node.Node.MachineType,
            MachineSecrets = machineSecrets,
            ConfigPatches = node.Patches.Select(p => p.Yaml).ToList(),
            KubernetesVersion = cluster.KubernetesVersion,
            TalosVersion = cluster.ConfigContract,
            Docs = false,
            Examples = false,
        }, new InvokeOptions { Parent = this });
        return new ConfigurationApply(node.ConfigApply.Name, new ConfigurationApplyArgs
        {
            Node = node.Node.Ip,
            Endpoint = node.Node.Ip,
            ClientConfiguration = client.Apply(c => new ClientConfigurationArgs
            {
                CaCertificate = c.CaCertificate,
                ClientCertificate = c.ClientCertificate,
                ClientKey = c.ClientKey,
            }),
            MachineConfigurationInput = config.Apply(c => c.MachineConfiguration),
        }, PlannedOptions.Custom(node.ConfigApply, this, dependsOn));
    }

    private Output<string> ClientConfiguration(
        string cluster, Output<TalosClientCredentials> client, IReadOnlyList<string> endpoints, IReadOnlyList<string> nodes) =>
        ClientConfig.GetConfiguration.Invoke(new ClientConfig.GetConfigurationInvokeArgs
        {
            ClusterName = cluster,
            ClientConfiguration = client.Apply(c => new ClientConfig.Inputs.GetConfigurationClientConfigurationInputArgs
            {
                CaCertificate = c.CaCertificate,
                ClientCertificate = c.ClientCertificate,
                ClientKey = c.ClientKey,
            }),
            Endpoints = endpoints.ToList(),
            Nodes = nodes.ToList(),
        }, new InvokeOptions { Parent = this }).Apply(t => t.TalosConfig);
}
