using System.Diagnostics;
using System.Text;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Bootstrap.Blueprint.Tests.Secrets;

/// <summary>
/// The admin client certificate derived from restored secrets: what apid accepts (signed by the Talos API CA, role
/// os:admin, client auth), and the same bytes on every run so a rebuild's second preview changes nothing.
/// </summary>
public class TalosAdminCertificateTests
{
    private static readonly TalosSecretsBundle Bundle = TalosSecretsFixture.Bundle();

    [Fact]
    public void The_same_secrets_give_the_same_certificate_and_key()
    {
        Assert.Equal(TalosAdminCertificate.For(Bundle, "dev"), TalosAdminCertificate.For(TalosSecretsBundle.Parse(Bundle.ToYaml(), "k"), "dev"));
    }

    [Fact]
    public void Another_cluster_name_or_other_secrets_give_another_certificate()
    {
        var dev = TalosAdminCertificate.For(Bundle, "dev");

        Assert.NotEqual(dev.ClientCertificate, TalosAdminCertificate.For(Bundle, "ops").ClientCertificate);
        Assert.NotEqual(dev.ClientKey, TalosAdminCertificate.For(TalosSecretsFixture.Bundle(seed: 2), "dev").ClientKey);
    }

    [Fact]
    public void The_certificate_is_an_admin_client_certificate_signed_by_the_talos_api_ca()
    {
        var credentials = TalosAdminCertificate.For(Bundle, "dev");
        var ca = Certificate(credentials.CaCertificate);
        var client = Certificate(credentials.ClientCertificate);

        client.Verify(ca.GetPublicKey());
        Assert.Equal(Bundle.Os.Crt, credentials.CaCertificate);
        Assert.Equal("O=os:admin", client.SubjectDN.ToString());
        Assert.Equal(ca.SubjectDN, client.IssuerDN);
        Assert.Contains(KeyPurposeID.id_kp_clientAuth.Id, client.GetExtendedKeyUsage().Select(o => o.Id));
        Assert.True(client.GetKeyUsage()[0], "digitalSignature");
        Assert.Equal(ca.NotAfter, client.NotAfter);
    }

    [Fact]
    public void The_key_is_the_certificates_and_written_as_talos_writes_ed25519_keys()
    {
        var credentials = TalosAdminCertificate.For(Bundle, "dev");
        var pem = Encoding.ASCII.GetString(Convert.FromBase64String(credentials.ClientKey));
        var key = (Ed25519PrivateKeyParameters)Org.BouncyCastle.Security.PrivateKeyFactory.CreateKey(
            Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))));

        Assert.StartsWith("-----BEGIN ED25519 PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(
            ((Ed25519PublicKeyParameters)Certificate(credentials.ClientCertificate).GetPublicKey()).GetEncoded(),
            key.GeneratePublicKey().GetEncoded());
    }

    [OpensslFact]
    public void Openssl_accepts_it_as_a_client_certificate_of_the_ca()
    {
        using var folder = new TempFolder();
        var credentials = TalosAdminCertificate.For(Bundle, "dev");
        File.WriteAllBytes(Path.Combine(folder.Path, "ca.crt"), Convert.FromBase64String(credentials.CaCertificate));
        File.WriteAllBytes(Path.Combine(folder.Path, "admin.crt"), Convert.FromBase64String(credentials.ClientCertificate));
        var openssl = Process.Start(new ProcessStartInfo(
            "openssl", ["verify", "-purpose", "sslclient", "-attime", "1800000000", "-CAfile", "ca.crt", "admin.crt"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = openssl.StandardOutput.ReadToEnd() + openssl.StandardError.ReadToEnd();
        openssl.WaitForExit();

        Assert.True(openssl.ExitCode == 0, output);
    }

    private static X509Certificate Certificate(string base64Pem) =>
        new X509CertificateParser().ReadCertificate(Convert.FromBase64String(base64Pem));

}

/// <summary>A fact that needs openssl: skipped where it is not installed, never passed without running.</summary>
public sealed class OpensslFactAttribute : FactAttribute
{
    public OpensslFactAttribute() =>
        Skip = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "openssl")))
            ? null
            : "openssl is not installed";
}
