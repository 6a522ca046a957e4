namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>A scratch folder for broken copies of the repository or the schema folder; deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bootstrap-test-{Guid.NewGuid():N}");

    /// <summary>Copies files or whole folders from <paramref name="source"/>, keeping their relative paths.</summary>
    public TempFolder CopyFrom(string source, params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var from = System.IO.Path.Combine(source, relative);
            if (System.IO.File.Exists(from))
            {
                Write(relative, System.IO.File.ReadAllText(from));
                continue;
            }

            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                Write(System.IO.Path.GetRelativePath(source, file), System.IO.File.ReadAllText(file));
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

    /// <summary>A copy of the repository's inputs (stack files, gitops/, stacks/) to break or write into.</summary>
    public static TempFolder RepoCopy() =>
        new TempFolder().CopyFrom(Repo.Root, "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.ops.yaml", "renovate.json", "gitops", "stacks");

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Replaces text in a copied file; fails the test if the text is not there.</summary>
    public void Edit(string relative, string find, string replace)
    {
        var text = System.IO.File.ReadAllText(File(relative));
        Assert.Contains(find, text, StringComparison.Ordinal);
        System.IO.File.WriteAllText(File(relative), text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
