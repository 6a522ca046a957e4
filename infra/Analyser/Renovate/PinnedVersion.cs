namespace Bootstrap.Analyser.Renovate;

/// <summary>
/// A version written into the repository that something must keep current: where it is, what it pins, the version, and the
/// key path to it in its file (spec.source.targetRevision, controllers.app.containers.main.image.tag; a list item is []).
/// </summary>
public sealed record PinnedVersion(string File, int Line, string What, string Version, string Key = "")
{
    public string Where => $"{File}:{Line}";
}
