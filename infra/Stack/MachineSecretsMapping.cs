using Bootstrap.Blueprint.Secrets;
using Pulumiverse.Talos.Machine.Inputs;
using Pulumiverse.Talos.Machine.Outputs;

namespace Bootstrap.Stack;

/// <summary>
/// Talos machine secrets between the provider's types and the secrets file: both hold base64 PEM, so fields map one to one
/// (siderolabs/terraform-provider-talos pkg/talos/talos_machine_secrets_resource.go).
/// </summary>
internal static class MachineSecretsMapping
{
    /// <summary>Generated secrets as the file a backup saves and a rebuild loads (the stack output talosSecrets).</summary>
    public static TalosSecretsBundle ToBundle(MachineSecretsResult m) => new(
        m.Cluster.Id,
        m.Cluster.Secret,
        m.Secrets.BootstrapToken,
        m.Secrets.SecretboxEncryptionSecret,
        m.Secrets.AescbcEncryptionSecret,
        m.Trustdinfo.Token,
        new TalosCertificate(m.Certs.Etcd.Cert, m.Certs.Etcd.Key),
        new TalosCertificate(m.Certs.K8s.Cert, m.Certs.K8s.Key),
        new TalosCertificate(m.Certs.K8sAggregator.Cert, m.Certs.K8sAggregator.Key),
        m.Certs.K8sServiceaccount.Key,
        new TalosCertificate(m.Certs.Os.Cert, m.Certs.Os.Key));

    /// <summary>The provider returns secrets as an output type but takes them as an input type (pulumi-talos #103, #251).</summary>
    public static MachineSecretsInputArgs ToInput(TalosSecretsBundle b) => new()
    {
        Certs = new CertificatesInputArgs
        {
            Etcd = new CertificateInputArgs { Cert = b.Etcd.Crt, Key = b.Etcd.Key },
            K8s = new CertificateInputArgs { Cert = b.K8s.Crt, Key = b.K8s.Key },
            K8sAggregator = new CertificateInputArgs { Cert = b.K8sAggregator.Crt, Key = b.K8sAggregator.Key },
            K8sServiceaccount = new KeyInputArgs { Key = b.K8sServiceAccountKey },
            Os = new CertificateInputArgs { Cert = b.Os.Crt, Key = b.Os.Key },
        },
        Cluster = new ClusterInputArgs { Id = b.ClusterId, Secret = b.ClusterSecret },
        Secrets = new KubernetesSecretsInputArgs
        {
            BootstrapToken = b.BootstrapToken,
            SecretboxEncryptionSecret = b.SecretboxEncryptionSecret ?? "",
            AescbcEncryptionSecret = b.AescbcEncryptionSecret is { } aescbc ? (Pulumi.Input<string>)aescbc : null,
        },
        Trustdinfo = new TrustdInfoInputArgs { Token = b.TrustdToken },
    };
}
