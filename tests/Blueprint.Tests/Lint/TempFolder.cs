namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>A scratch folder for broken copies of the repository or the schema folder; deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bootstrap-lint-{Guid.NewGuid():N}");

    /// <summary>Copies files or whole folders from <paramref name="source"/>, keeping their relative paths.</summary>
    public TempFolder CopyFrom(string source, params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var from = System.IO.Path.Combine(source, relative);
            if (File.Exists(from))
            {
                Write(relative, File.ReadAllText(from));
                continue;
            }

            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                Write(System.IO.Path.GetRelativePath(source, file), File.ReadAllText(file));
            }
        }

        return this;
    }

    public TempFolder Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
