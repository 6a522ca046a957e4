using System.Text;
using Bootstrap.Blueprint.Secrets;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// A secrets file shaped like the one <c>talosctl gen secrets</c> writes (siderolabs/talos
/// pkg/machinery/config/generate/secrets: secrets.go NewBundle, ca.go): an Ed25519 Talos API CA (O=talos), ECDSA P-256 CAs
/// for etcd (O=etcd), Kubernetes (O=kubernetes) and the aggregator (CN=front-proxy), an ECDSA service-account key, tokens
/// in Kubernetes' bootstrap-token form and a 32-byte secretbox key; every certificate and key base64 PEM. Generated at run
/// time from a seed: no secret material lives in the repository.
/// </summary>
internal static class TalosSecretsFixture
{
    private static readonly DateTime NotBefore = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One cluster's secrets per seed, the same within a test run.</summary>
    public static TalosSecretsBundle Bundle(int seed = 1) => Cache.GetOrAdd(seed, Generate);

    public static string Yaml(int seed = 1) => Bundle(seed).ToYaml();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, TalosSecretsBundle> Cache = new();

    private static TalosSecretsBundle Generate(int seed)
    {
        var random = SecureRandom.GetInstance("SHA256PRNG", false);
        random.SetSeed(seed);
        var ed = new Ed25519KeyPairGenerator();
        ed.Init(new Ed25519KeyGenerationParameters(random));
        var os = ed.GenerateKeyPair();
        return new TalosSecretsBundle(
            Base64(random, 32),
            Base64(random, 32),
            Token(random),
            Base64(random, 32),
            null,
            Token(random),
            Ca(Ecdsa(random), "O=etcd", random),
            Ca(Ecdsa(random), "O=kubernetes", random),
            Ca(Ecdsa(random), "CN=front-proxy", random),
            Encode(Ecdsa(random).Private),
            Ca(os, "O=talos", random));
    }

    /// <summary>A self-signed CA as siderolabs/crypto x509.NewSelfSignedCertificateAuthority makes one (10 years, CA, certSign).</summary>
    private static TalosCertificate Ca(AsymmetricCipherKeyPair pair, string subject, SecureRandom random)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(128, random));
        generator.SetIssuerDN(new X509Name(subject));
        generator.SetSubjectDN(new X509Name(subject));
        generator.SetNotBefore(NotBefore);
        generator.SetNotAfter(NotBefore.AddYears(10));
        generator.SetPublicKey(pair.Public);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.KeyCertSign));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(pair.Public));
        var algorithm = pair.Private is Ed25519PrivateKeyParameters ? "Ed25519" : "SHA256withECDSA";
        var certificate = generator.Generate(new Asn1SignatureFactory(algorithm, pair.Private, random));
        return new TalosCertificate(Base64Pem("CERTIFICATE", certificate.GetEncoded()), Encode(pair.Private));
    }

    private static AsymmetricCipherKeyPair Ecdsa(SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        return generator.GenerateKeyPair();
    }

    /// <summary>Ed25519 as "ED25519 PRIVATE KEY" (PKCS#8), ECDSA as "EC PRIVATE KEY" (SEC 1), as siderolabs/crypto writes them.</summary>
    private static string Encode(AsymmetricKeyParameter key)
    {
        if (key is Ed25519PrivateKeyParameters)
        {
            return Base64Pem("ED25519 PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded());
        }

        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(key);
        writer.Writer.Flush();
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    private static string Base64Pem(string type, byte[] content)
    {
        using var text = new StringWriter();
        var writer = new Org.BouncyCastle.Utilities.IO.Pem.PemWriter(text);
        writer.WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject(type, content));
        writer.Writer.Flush();
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    private static string Base64(SecureRandom random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer);
    }

    /// <summary>A token as Talos generates them (secrets.go genToken: 6 and 16 characters of [a-z0-9]).</summary>
    private static string Token(SecureRandom random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = Enumerable.Range(0, 22).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 6)}.{new string(chars, 6, 16)}";
    }
}
