namespace Bootstrap.Blueprint.Renovate;

/// <summary>A version written into the repository that something must keep current: where it is, what it pins, the version.</summary>
public sealed record PinnedVersion(string File, int Line, string What, string Version)
{
    public string Where => $"{File}:{Line}";
}
