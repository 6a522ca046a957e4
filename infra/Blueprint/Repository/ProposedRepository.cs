namespace Bootstrap.Blueprint.Repository;

/// <summary>
/// The repository as it will be once some planned files are written: commands that add files (new-env) check the result with
/// the same rules as plan and lint before anything touches the disk.
/// </summary>
public sealed class ProposedRepository(IRepository inner, IReadOnlyDictionary<string, string> files) : IRepository
{
    public bool DirectoryExists(string path) =>
        inner.DirectoryExists(path) || files.Keys.Any(f => f.StartsWith($"{path.TrimEnd('/')}/", StringComparison.Ordinal));

    public bool FileExists(string path) => files.ContainsKey(path) || inner.FileExists(path);

    public string? ReadFile(string path) => files.TryGetValue(path, out var text) ? text : inner.ReadFile(path);

    public IReadOnlyList<string> ListFiles(string directory, string pattern) =>
        Listed(inner.ListFiles(directory, pattern), directory, pattern, below: false);

    public IReadOnlyList<string> ListFilesBelow(string directory, string pattern) =>
        Listed(inner.ListFilesBelow(directory, pattern), directory, pattern, below: true);

    public string? LeavesRepository(string path) => inner.LeavesRepository(path);

    private List<string> Listed(IEnumerable<string> existing, string directory, string pattern, bool below)
    {
        var prefix = directory.Length == 0 ? "" : $"{directory.TrimEnd('/')}/";
        var added = files.Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)
            && (below || !f.AsSpan(prefix.Length).Contains('/'))
            && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, f.AsSpan(f.LastIndexOf('/') + 1), ignoreCase: false));
        return existing.Concat(added).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
