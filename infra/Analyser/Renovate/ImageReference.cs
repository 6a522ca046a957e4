namespace Bootstrap.Analyser.Renovate;

/// <summary>A container image reference split as Renovate's Docker dependencies are (renovatebot/renovate
/// lib/modules/manager/dockerfile/extract.ts splitImageParts, getDepFromImageRef); null for a "${" variable. Registry aliases are
/// not modelled (renovate.json sets none).</summary>
public sealed record ImageReference(string DepName, string? Tag, string? Digest)
{
    public static ImageReference? Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var withTag = at < 0 ? reference : reference[..at];
        var digest = at < 0 ? null : reference.Split('@')[1];
        // The tag follows the last ":" unless that part holds a "/" (then the ":" was a registry's port).
        var parts = withTag.Split(':');
        var (name, tag) = parts.Length == 1 || parts[^1].Contains('/')
            ? (withTag, (string?)null)
            : (string.Join(':', parts[..^1]), parts[^1]);
        foreach (var prefix in new[] { "amd64/", "arm64/", "library/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }

        return new ImageReference(name, tag, digest);
    }
}
