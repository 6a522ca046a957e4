using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>The real repository with some files replaced or removed, to break one thing per test.</summary>
internal sealed class OverlayRepository(IRepository inner) : IRepository
{
    private readonly Dictionary<string, string?> _files = new(StringComparer.Ordinal);

    public OverlayRepository With(string path, string? text)
    {
        _files[path] = text;
        return this;
    }

    /// <summary>Replaces text in a file of the real repository; fails the test if the text is not there.</summary>
    public OverlayRepository Edit(string path, string find, string replace)
    {
        var text = ReadFile(path) ?? throw new InvalidOperationException($"{path} does not exist");
        Assert.Contains(find, text, StringComparison.Ordinal);
        return With(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public bool FileExists(string path) => _files.TryGetValue(path, out var text) ? text is not null : inner.FileExists(path);

    public string? ReadFile(string path) => _files.TryGetValue(path, out var text) ? text : inner.ReadFile(path);

    public IReadOnlyList<string> ListFiles(string directory, string pattern) =>
        Listed(inner.ListFiles(directory, pattern), directory, pattern, below: false);

    public IReadOnlyList<string> ListFilesBelow(string directory, string pattern) =>
        Listed(inner.ListFilesBelow(directory, pattern), directory, pattern, below: true);

    private List<string> Listed(IEnumerable<string> real, string directory, string pattern, bool below)
    {
        var prefix = $"{directory.TrimEnd('/')}/";
        var added = _files.Where(f => f.Value is not null && f.Key.StartsWith(prefix, StringComparison.Ordinal)
            && (below || !f.Key[prefix.Length..].Contains('/'))
            && f.Key.EndsWith(pattern.TrimStart('*'), StringComparison.Ordinal)).Select(f => f.Key);
        return real.Concat(added).Where(FileExists).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
