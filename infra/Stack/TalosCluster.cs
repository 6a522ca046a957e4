using Bootstrap.Blueprint.Plan;
using Pulumi;
using Pulumiverse.Talos.Cluster;
using Pulumiverse.Talos.Cluster.Inputs;
using Pulumiverse.Talos.Machine;
using Pulumiverse.Talos.Machine.Inputs;
using Pulumiverse.Talos.Machine.Outputs;
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
        Output<ClientConfiguration>? client = null;
        Output<MachineSecretsInputArgs>? machineSecrets = null;
        Output<string>? stepTalosconfig = null;
        Output<string>? kubeconfig = null;
        foreach (var planned in blueprint.Plan.OwnedBy(Component.TalosCluster))
        {
            switch (planned.Kind)
            {
                case ResourceKind.TalosSecrets:
                    var secrets = wiring.Add(planned, new Secrets(planned.Name, new SecretsArgs { TalosVersion = talos.ConfigContract }, wiring.Options(planned, this)));
                    client = secrets.ClientConfiguration;
                    machineSecrets = secrets.MachineSecrets.Apply(ToInput);
                    Talosconfig = Output.CreateSecret(ClientConfiguration(talos.Name, client, talos.ClientEndpoints, blueprint.Nodes.Select(n => n.Ip).ToList()));
                    // The scripts name their endpoints and nodes themselves: a talosconfig without them stays the same when nodes change.
                    stepTalosconfig = Output.CreateSecret(ClientConfiguration(talos.Name, client, [], []));
                    break;
                case ResourceKind.TalosUpgrade or ResourceKind.KubernetesUpgrade:
                    ScriptCommand.Create(planned, blueprint.Scripts[planned.Key], wiring, this, stepTalosconfig, null);
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
                        ClientConfiguration = client!.Apply(c => new ClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
                        MachineConfigurationInput = config.Apply(c => c.MachineConfiguration),
                    }, wiring.Options(planned, this)));
                    break;
                case ResourceKind.EtcdBootstrap:
                    wiring.Add(planned, new Pulumiverse.Talos.Machine.Bootstrap(planned.Name, new BootstrapArgs
                    {
                        Node = talos.BootstrapIp,
                        Endpoint = talos.BootstrapIp,
                        ClientConfiguration = client!.Apply(c => new ClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
                    }, wiring.Options(planned, this)));
                    break;
                case ResourceKind.Kubeconfig:
                    var created = wiring.Add(planned, new Kubeconfig(planned.Name, new KubeconfigArgs
                    {
                        Node = talos.BootstrapIp,
                        Endpoint = talos.BootstrapIp,
                        ClientConfiguration = client!.Apply(c => new KubeconfigClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
                    }, wiring.Options(planned, this)));
                    kubeconfig = Output.CreateSecret(created.KubeconfigRaw);
                    break;
                default:
                    throw ResourceWiring.Unmapped(planned);
            }
        }

        Kubeconfig = kubeconfig ?? throw new InvalidOperationException("the plan has no kubeconfig");
        StepTalosconfig = stepTalosconfig!;
        RegisterOutputs(new Dictionary<string, object?> { ["kubeconfig"] = Kubeconfig, ["talosconfig"] = Talosconfig });
    }

    /// <summary>The admin kubeconfig (secret).</summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>The talosconfig for people: every control plane as an endpoint, every node (secret).</summary>
    public Output<string> Talosconfig { get; private set; } = null!;

    /// <summary>The talosconfig the local scripts get: credentials only, no endpoints or nodes (secret).</summary>
    public Output<string> StepTalosconfig { get; }

    private Output<string> ClientConfiguration(string cluster, Output<ClientConfiguration> client, IReadOnlyList<string> endpoints, IReadOnlyList<string> nodes) =>
        ClientConfig.GetConfiguration.Invoke(new ClientConfig.GetConfigurationInvokeArgs
        {
            ClusterName = cluster,
            ClientConfiguration = client.Apply(c => new ClientConfig.Inputs.GetConfigurationClientConfigurationInputArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
            Endpoints = endpoints.ToList(),
            Nodes = nodes.ToList(),
        }, new InvokeOptions { Parent = this }).Apply(t => t.TalosConfig);

    /// <summary>Talos' provider returns secrets as an output type but takes them as an input type: map field by field (pulumi-talos #103, #251).</summary>
    private static MachineSecretsInputArgs ToInput(MachineSecretsResult m) => new()
    {
        Certs = new CertificatesInputArgs
        {
            Etcd = new CertificateInputArgs { Cert = m.Certs.Etcd.Cert, Key = m.Certs.Etcd.Key },
            K8s = new CertificateInputArgs { Cert = m.Certs.K8s.Cert, Key = m.Certs.K8s.Key },
            K8sAggregator = new CertificateInputArgs { Cert = m.Certs.K8sAggregator.Cert, Key = m.Certs.K8sAggregator.Key },
            K8sServiceaccount = new KeyInputArgs { Key = m.Certs.K8sServiceaccount.Key },
            Os = new CertificateInputArgs { Cert = m.Certs.Os.Cert, Key = m.Certs.Os.Key },
        },
        Cluster = new ClusterInputArgs { Id = m.Cluster.Id, Secret = m.Cluster.Secret },
        Secrets = new KubernetesSecretsInputArgs
        {
            BootstrapToken = m.Secrets.BootstrapToken,
            SecretboxEncryptionSecret = m.Secrets.SecretboxEncryptionSecret,
            AescbcEncryptionSecret = m.Secrets.AescbcEncryptionSecret is { } aescbc ? (Input<string>)aescbc : null,
        },
        Trustdinfo = new TrustdInfoInputArgs { Token = m.Trustdinfo.Token },
    };
}
