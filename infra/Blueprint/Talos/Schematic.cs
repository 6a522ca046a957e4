using System.Security.Cryptography;
using System.Text;

namespace Bootstrap.Blueprint.Talos;

/// <summary>
/// The Image Factory schematic: which system extensions the Talos image carries. Its id is the SHA-256 of the
/// factory's canonical YAML (go-yaml, 4-space indent), so the id, and every image reference, is known offline.
/// </summary>
public sealed record Schematic(IReadOnlyList<string> Extensions)
{
    public const string GuestAgent = "siderolabs/qemu-guest-agent";

    /// <summary>Extensions sorted and de-duplicated, so listing order in the stack file does not change the image.</summary>
    public static Schematic For(IEnumerable<string> extensions) =>
        new(extensions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>The exact bytes the factory hashes (image-factory pkg/schematic: yaml.v3 Marshal of the Schematic struct).</summary>
    public string Yaml
    {
        get
        {
            if (Extensions.Count == 0)
            {
                return "customization: {}\n";
            }

            var text = new StringBuilder("customization:\n    systemExtensions:\n        officialExtensions:\n");
            foreach (var extension in Extensions)
            {
                text.Append("            - ").Append(extension).Append('\n');
            }

            return text.ToString();
        }
    }

    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Yaml)));

    public bool HasGuestAgent => Extensions.Contains(GuestAgent);
}
