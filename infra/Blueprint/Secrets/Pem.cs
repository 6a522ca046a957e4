using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BcPem = Org.BouncyCastle.Utilities.IO.Pem;
using OpenSslPem = Org.BouncyCastle.OpenSsl;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>The PEM blocks Talos writes (siderolabs/crypto x509): CERTIFICATE, ED25519 PRIVATE KEY (PKCS#8, Talos API CA),
/// EC PRIVATE KEY (SEC 1, Kubernetes and etcd CAs), RSA PRIVATE KEY (older service-account keys), PRIVATE KEY (PKCS#8).
/// Any failure is null: the caller names the field.</summary>
internal static class Pem
{
    public static X509Certificate? Certificate(byte[] pem)
    {
        var block = Block(pem);
        if (block?.Type != "CERTIFICATE")
        {
            return null;
        }

        try
        {
            return new X509CertificateParser().ReadCertificate(block.Content);
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or ArgumentException or IOException)
        {
            return null;
        }
    }

    public static AsymmetricKeyParameter? PrivateKey(byte[] pem)
    {
        var block = Block(pem);
        try
        {
            return block?.Type switch
            {
                "PRIVATE KEY" or "ED25519 PRIVATE KEY" => PrivateKeyFactory.CreateKey(block.Content),
                "EC PRIVATE KEY" or "RSA PRIVATE KEY" => new OpenSslPem.PemReader(new StringReader(Encoding.ASCII.GetString(pem))).ReadObject() switch
                {
                    AsymmetricCipherKeyPair pair => pair.Private,
                    _ => null,
                },
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or OpenSslPem.PemException)
        {
            return null;
        }
    }

    /// <summary>The public half of a private key, to check it belongs to a certificate.</summary>
    public static AsymmetricKeyParameter PublicOf(AsymmetricKeyParameter key) => key switch
    {
        Ed25519PrivateKeyParameters ed => ed.GeneratePublicKey(),
        ECPrivateKeyParameters ec => new ECPublicKeyParameters(ec.AlgorithmName, ec.Parameters.G.Multiply(ec.D).Normalize(), ec.Parameters),
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        _ => throw new ArgumentException($"unsupported key type {key.GetType().Name}", nameof(key)),
    };

    public static bool SameKey(AsymmetricKeyParameter a, AsymmetricKeyParameter b) => a switch
    {
        Ed25519PublicKeyParameters x => b is Ed25519PublicKeyParameters y && x.GetEncoded().AsSpan().SequenceEqual(y.GetEncoded()),
        ECPublicKeyParameters x => b is ECPublicKeyParameters y && x.Q.Equals(y.Q),
        RsaKeyParameters x => b is RsaKeyParameters y && x.Modulus.Equals(y.Modulus) && x.Exponent.Equals(y.Exponent),
        _ => false,
    };

    public static byte[] Encode(string type, byte[] content)
    {
        using var text = new StringWriter();
        var writer = new BcPem.PemWriter(text);
        writer.WriteObject(new BcPem.PemObject(type, content));
        writer.Writer.Flush();
        return Encoding.ASCII.GetBytes(text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static BcPem.PemObject? Block(byte[] pem)
    {
        try
        {
            return new BcPem.PemReader(new StringReader(Encoding.ASCII.GetString(pem))).ReadPemObject();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
