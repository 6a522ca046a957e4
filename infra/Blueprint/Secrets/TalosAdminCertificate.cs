using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>What the Talos provider and talosctl authenticate with: the Talos API CA, a client certificate and its key (base64 PEM).</summary>
public sealed record TalosClientCredentials(string CaCertificate, string ClientCertificate, string ClientKey);

/// <summary>The admin client certificate for restored secrets, which lack the one the provider's machine secrets resource makes:
/// derived exactly as siderolabs/terraform-provider-talos pkg/talos/util.go generateClientConfiguration does (HKDF-SHA256
/// over the OS CA key PEM, then serial and key seed). Same secrets, same certificate: a rebuild's preview shows no change.</summary>
public static class TalosAdminCertificate
{
    private const string AdminRole = "os:admin";

    public static TalosClientCredentials For(TalosSecretsBundle bundle, string clusterName)
    {
        var caPem = Convert.FromBase64String(bundle.Os.Crt);
        var caKeyPem = Convert.FromBase64String(bundle.Os.Key);
        var ca = Pem.Certificate(caPem) ?? throw new ArgumentException("certs.os.crt is not a certificate", nameof(bundle));
        var caKey = Pem.PrivateKey(caKeyPem) ?? throw new ArgumentException("certs.os.key is not a private key", nameof(bundle));
        var notBefore = ca.NotBefore.ToUniversalTime();
        var notAfter = ca.NotAfter.ToUniversalTime();

        var hkdf = new HkdfBytesGenerator(new Sha256Digest());
        var info = $"talos-clientconfig:v1:{clusterName}:{new DateTimeOffset(notBefore).ToUnixTimeSeconds()}"
            + $":{new DateTimeOffset(notAfter).ToUnixTimeSeconds()}";
        hkdf.Init(new HkdfParameters(caKeyPem, Encoding.ASCII.GetBytes("talos-clientconfig-v1"), Encoding.ASCII.GetBytes(info)));
        var serial = new byte[16];
        hkdf.GenerateBytes(serial, 0, serial.Length);
        var seed = new byte[32];
        hkdf.GenerateBytes(seed, 0, seed.Length);

        // Talos API CAs are Ed25519 (secrets/ca.go NewTalosCA sets no RSA or ECDSA option; siderolabs/crypto defaults to
        // Ed25519); TalosSecretsReader refuses any other.
        var key = new Ed25519PrivateKeyParameters(seed);

        // As siderolabs/talos secrets/ca.go NewAdminCertificateAndKey: O=os:admin (pkg/machinery/role Admin), digitalSignature,
        // clientAuth; valid as long as the CA (terraform-provider-talos resolveClientConfigTimestamps).
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetIssuerDN(ca.SubjectDN);
        generator.SetSubjectDN(new X509Name($"O={AdminRole}"));
        generator.SetNotBefore(notBefore);
        generator.SetNotAfter(notAfter);
        generator.SetPublicKey(key.GeneratePublicKey());
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_clientAuth));
        if (ca.GetExtensionValue(X509Extensions.SubjectKeyIdentifier) is { } caKeyId)
        {
            // Go's x509.CreateCertificate copies the parent's SubjectKeyId into AuthorityKeyId.
            var id = SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(caKeyId.GetOctets())).GetKeyIdentifier();
            generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(id));
        }

        // Ed25519 signatures are deterministic by design (RFC 8032): same secrets, same certificate.
        var certificate = generator.Generate(new Asn1SignatureFactory("Ed25519", caKey));
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded();

        return new TalosClientCredentials(
            bundle.Os.Crt,
            Convert.ToBase64String(Pem.Encode("CERTIFICATE", certificate.GetEncoded())),
            Convert.ToBase64String(Pem.Encode("ED25519 PRIVATE KEY", pkcs8)));
    }
}
