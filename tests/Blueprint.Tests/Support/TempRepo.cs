namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>A throwaway copy of the repository's inputs (stack files, gitops/, stacks/) for tests that break or write files.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Directory.CreateTempSubdirectory("bootstrap-repo").FullName;
        foreach (var file in Directory.GetFiles(Repo.Root, "Pulumi*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(Root, System.IO.Path.GetFileName(file)));
        }

        foreach (var folder in new[] { "gitops", "stacks" })
        {
            Copy(System.IO.Path.Combine(Repo.Root, folder), System.IO.Path.Combine(Root, folder));
        }
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public void Edit(string relative, string find, string replace)
    {
        var text = File.ReadAllText(Path(relative));
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(Path(relative), text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }
}
