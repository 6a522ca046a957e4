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
/// Talos: machine secrets and talosconfig first (the upgrade steps need them), then, in <see cref="Configure"/>, each
/// node's config applied after its own VM, the etcd bootstrap and the kubeconfig.
/// </summary>
public sealed class TalosCluster : ComponentResource
{
    private readonly Output<ClientConfiguration> _client;
    private readonly TalosClusterPlan _talos;
    private readonly Output<MachineSecretsInputArgs> _machineSecrets;

    public TalosCluster(ClusterBlueprint blueprint, ResourceWiring wiring)
        : base("bootstrap:index:TalosCluster", "talos")
    {
        _talos = blueprint.Talos;
        var secrets = wiring.Add(ResourcePlan.TalosSecrets, new Secrets(
            wiring[ResourcePlan.TalosSecrets].Name,
            new SecretsArgs { TalosVersion = _talos.ConfigContract },
            wiring.Options(ResourcePlan.TalosSecrets, this)));
        _client = secrets.ClientConfiguration;
        _machineSecrets = secrets.MachineSecrets.Apply(ToInput);

        var talosconfig = ClientConfig.GetConfiguration.Invoke(new ClientConfig.GetConfigurationInvokeArgs
        {
            ClusterName = _talos.Name,
            ClientConfiguration = _client.Apply(c => new ClientConfig.Inputs.GetConfigurationClientConfigurationInputArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
            Endpoints = _talos.ClientEndpoints.ToList(),
            Nodes = blueprint.Nodes.Select(n => n.Ip).ToList(),
        }, new InvokeOptions { Parent = this });
        Talosconfig = Output.CreateSecret(talosconfig.Apply(t => t.TalosConfig));
    }

    public Output<string> Talosconfig { get; }

    /// <summary>Applies every node's machine config, bootstraps etcd and returns the admin kubeconfig (secret).</summary>
    public Output<string> Configure(ClusterBlueprint blueprint, ResourceWiring wiring)
    {
        foreach (var node in blueprint.Nodes)
        {
            var config = MachineConfig.Invoke(new GetConfigurationInvokeArgs
            {
                ClusterName = _talos.Name,
                ClusterEndpoint = _talos.Endpoint,
                MachineType = node.MachineType,
                MachineSecrets = _machineSecrets,
                ConfigPatches = _talos.PatchesFor(node).Select(p => p.Yaml).ToList(),
                KubernetesVersion = _talos.KubernetesVersion,
                TalosVersion = _talos.ConfigContract,
                Docs = false,
                Examples = false,
            }, new InvokeOptions { Parent = this });
            var key = ResourcePlan.TalosApply(node.Name);
            wiring.Add(key, new ConfigurationApply(wiring[key].Name, new ConfigurationApplyArgs
            {
                Node = node.Ip,
                Endpoint = node.Ip,
                ClientConfiguration = _client.Apply(c => new ClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
                MachineConfigurationInput = config.Apply(c => c.MachineConfiguration),
            }, wiring.Options(key, this)));
        }

        wiring.Add(ResourcePlan.EtcdBootstrap, new Pulumiverse.Talos.Machine.Bootstrap(wiring[ResourcePlan.EtcdBootstrap].Name, new BootstrapArgs
        {
            Node = _talos.BootstrapIp,
            Endpoint = _talos.BootstrapIp,
            ClientConfiguration = _client.Apply(c => new ClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
        }, wiring.Options(ResourcePlan.EtcdBootstrap, this)));

        var kubeconfig = wiring.Add(ResourcePlan.Kubeconfig, new Kubeconfig(wiring[ResourcePlan.Kubeconfig].Name, new KubeconfigArgs
        {
            Node = _talos.BootstrapIp,
            Endpoint = _talos.BootstrapIp,
            ClientConfiguration = _client.Apply(c => new KubeconfigClientConfigurationArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
        }, wiring.Options(ResourcePlan.Kubeconfig, this)));
        var kubeconfigRaw = Output.CreateSecret(kubeconfig.KubeconfigRaw);
        RegisterOutputs(new Dictionary<string, object?> { ["kubeconfig"] = kubeconfigRaw, ["talosconfig"] = Talosconfig });
        return kubeconfigRaw;
    }

    /// <summary>The health check, run after <paramref name="after"/> (Cilium and every node's config).</summary>
    public ClusterHealth HealthCheck(string name, InputList<Resource> after) => new(name, _talos, _client, after, this);

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
