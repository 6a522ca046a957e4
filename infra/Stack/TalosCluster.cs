using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Secrets;
using Pulumi;
using Pulumiverse.Talos.Cluster;
using Pulumiverse.Talos.Cluster.Inputs;
using Pulumiverse.Talos.Machine;
using Pulumiverse.Talos.Machine.Inputs;
using ClientConfig = Pulumiverse.Talos.Client;
using MachineConfig = Pulumiverse.Talos.Machine.GetConfiguration;

namespace Bootstrap.Stack;

/// <summary>
/// Talos: the machine secrets, the in-place upgrade steps, each node's config applied after its own VM, the etcd
/// bootstrap and the admin kubeconfig, in the Blueprint's order.
/// </summary>
public sealed class TalosCluster : ComponentResource
{
    public TalosCluster(string name, ClusterBlueprint blueprint, ResourceWiring wiring)
        : base("bootstrap:index:TalosCluster", name)
    {
        var talos = blueprint.Talos;
        Output<TalosClientCredentials>? client = null;
        Output<MachineSecretsInputArgs>? machineSecrets = null;
        Output<TalosSecretsBundle>? bundle = null;
        Output<string>? kubeconfig = null;
        foreach (var planned in blueprint.Plan.OwnedBy(Component.TalosCluster))
        {
            switch (planned.Kind)
            {
                case ResourceKind.TalosSecrets:
                    var secrets = wiring.Add(planned, new Secrets(
                        planned.Name, new SecretsArgs { TalosVersion = talos.ConfigContract }, wiring.Options(planned, this)));
                    client = secrets.ClientConfiguration.Apply(c => new TalosClientCredentials(c.CaCertificate, c.ClientCertificate, c.ClientKey));
                    bundle = secrets.MachineSecrets.Apply(MachineSecretsMapping.ToBundle);
                    machineSecrets = bundle.Apply(MachineSecretsMapping.ToInput);
                    UseCredentials(blueprint, client);
                    break;
                case ResourceKind.RestoredTalosSecrets:
                    // Decrypted only inside the engine; every value derived from a secret output stays secret (Output.Apply keeps the flag).
                    var key = ConfigKey.Of(ConfigBinder.TalosSecrets);
                    bundle = new Pulumi.Config(ConfigKey.Namespace).RequireSecret(ConfigBinder.TalosSecrets)
                        .Apply(yaml => TalosSecretsBundle.Parse(yaml, key));
                    client = bundle.Apply(b => TalosAdminCertificate.For(b, talos.Name));
                    machineSecrets = bundle.Apply(MachineSecretsMapping.ToInput);
                    UseCredentials(blueprint, client);
                    wiring.AddStep(planned);
                    break;
                case ResourceKind.TalosUpgrade or ResourceKind.KubernetesUpgrade or ResourceKind.EtcdBootstrap or ResourceKind.VmReady:
                    ScriptCommand.Create(planned, blueprint.Scripts[planned.Key], wiring, this, StepTalosconfig, null);
                    break;
                case ResourceKind.MachineConfigApply:
                    var node = blueprint.Nodes.Single(n => n.Name == planned.Node);
                    var config = MachineConfig.Invoke(new GetConfigurationInvokeArgs
                    {
                        ClusterName = talos.Name,
                        ClusterEndpoint = talos.Endpoint,
                        MachineType = node.MachineType,
                        MachineSecrets = machineSecrets!,
                        ConfigPatches = talos.PatchesFor(node).Select(p => p.Yaml).ToList(),
                        KubernetesVersion = talos.KubernetesVersion,
                        TalosVersion = talos.ConfigContract,
                        Docs = false,
                        Examples = false,
                    }, new InvokeOptions { Parent = this });
                    wiring.Add(planned, new ConfigurationApply(planned.Name, new ConfigurationApplyArgs
                    {
                        Node = node.Ip,
                        Endpoint = node.Ip,
                        ClientConfiguration = client!.Apply(c => new ClientConfigurationArgs
                        {
                            CaCertificate = c.CaCertificate,
                            ClientCertificate = c.ClientCertificate,
                            ClientKey = c.ClientKey,
                        }),
                        MachineConfigurationInput = config.Apply(c => c.MachineConfiguration),
                    }, wiring.Options(planned, this)));
                    break;
                case ResourceKind.Kubeconfig:
                    var created = wiring.Add(planned, new Kubeconfig(planned.Name, new KubeconfigArgs
                    {
                        Node = talos.BootstrapIp,
                        Endpoint = talos.BootstrapIp,
                        ClientConfiguration = client!.Apply(c => new KubeconfigClientConfigurationArgs
                        {
                            CaCertificate = c.CaCertificate,
                            ClientCertificate = c.ClientCertificate,
                            ClientKey = c.ClientKey,
                        }),
                    }, wiring.Options(planned, this)));
                    kubeconfig = Output.CreateSecret(created.KubeconfigRaw);
                    break;
                default:
                    throw ResourceWiring.Unmapped(planned);
            }
        }

        Kubeconfig = kubeconfig ?? throw new InvalidOperationException("the plan has no kubeconfig");
        TalosSecrets = Output.CreateSecret(bundle?.Apply(b => b.ToYaml()) ?? throw new InvalidOperationException("the plan has no Talos secrets"));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["kubeconfig"] = Kubeconfig,
            ["talosconfig"] = Talosconfig,
            ["talosSecrets"] = TalosSecrets,
        });
    }

    /// <summary>The admin kubeconfig (secret).</summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>The talosconfig for people: every control plane as an endpoint, every node (secret).</summary>
    public Output<string> Talosconfig { get; private set; } = null!;

    /// <summary>The talosconfig the local scripts get: credentials only, no endpoints or nodes (secret).</summary>
    public Output<string> StepTalosconfig { get; private set; } = null!;

    /// <summary>
    /// The machine secrets, generated or restored, as <c>talosctl gen secrets</c> writes them (secret): what `backup --talos-secrets` saves.
    /// </summary>
    public Output<string> TalosSecrets { get; }

    private void UseCredentials(ClusterBlueprint blueprint, Output<TalosClientCredentials> client)
    {
        Talosconfig = Output.CreateSecret(
            ClientConfiguration(blueprint.Talos.Name, client, blueprint.Talos.ClientEndpoints, blueprint.Nodes.Select(n => n.Ip).ToList()));
        // The scripts name their endpoints and nodes themselves: a talosconfig without them stays the same when nodes change.
        StepTalosconfig = Output.CreateSecret(ClientConfiguration(blueprint.Talos.Name, client, [], []));
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
