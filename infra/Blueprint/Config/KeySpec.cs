namespace Bootstrap.Blueprint.Config;

/// <summary>One configuration key as a user reads it; <see cref="KeyTable"/> holds them all.</summary>
/// <param name="Path">The full key, e.g. <c>bootstrap:cluster.network.cidr</c>; <c>&lt;hostname&gt;</c> stands for any entry's name.</param>
/// <param name="Default">What applies when the key is left out, as the user would write it (null: required, or nothing).</param>
/// <param name="Secret">Set only with <c>pulumi config set --secret</c> (a mapping: its sensitive fields).</param>
public sealed record KeySpec(string Path, Need Need, string Meaning, string? Default = null, string? Example = null, bool Secret = false)
{
    /// <summary>The last segment: what a mapping's entry is called, e.g. <c>cidr</c>.</summary>
    public string Name => Path[(Math.Max(Path.LastIndexOf('.'), -1) + 1)..];

    /// <summary>The key this one nests in, or null for a namespace's key (<c>bootstrap:cluster</c>).</summary>
    public string? Parent => Path.LastIndexOf('.') is var dot and > 0 ? Path[..dot] : null;

    /// <summary>How deep it nests: 0 for <c>bootstrap:cluster</c>, 1 for <c>bootstrap:cluster.network</c>.</summary>
    public int Depth => Path.Count(c => c == '.');

    /// <summary>A placeholder segment (<c>&lt;hostname&gt;</c>): any entry of a mapping keyed by names the user picks.</summary>
    public bool IsPlaceholder => Name.StartsWith('<');
}

/// <summary>Whether a key must be set.</summary>
public enum Need
{
    Required,
    Optional,

    /// <summary>Not needed by the offline <c>plan</c>, needed by <c>pulumi preview</c>/<c>up</c> (a provider credential).</summary>
    ForUp,
}
