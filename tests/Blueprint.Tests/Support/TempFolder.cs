namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>A scratch folder (a kubeconfig, a fake tool, part of the schema folder); deleted when the test ends. The
/// repository's copy is <see cref="RepoCopy"/>.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bootstrap-test-{Guid.NewGuid():N}");

    /// <summary>Copies files or whole folders from <paramref name="source"/> byte for byte, keeping their relative paths.</summary>
    public TempFolder CopyFrom(string source, params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var from = System.IO.Path.Combine(source, relative);
            var files = System.IO.File.Exists(from) ? [from] : Directory.GetFiles(from, "*", SearchOption.AllDirectories);
            foreach (var file in files)
            {
                var to = File(System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
                System.IO.File.Copy(file, to);
            }
        }

        return this;
    }

    public TempFolder Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, content);
        return this;
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
