using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// The repository under test as a test may change it: a byte-for-byte copy of its inputs (the stack files, renovate.json,
/// gitops/ and stacks/) in a temp folder, deleted when the test ends. The CLI runs on it (--root <see cref="Path"/>) and
/// the Blueprint reads it as the repository (it is an <see cref="IRepository"/>, read through <see cref="RepoDirectory"/>).
/// </summary>
internal sealed class RepoCopy : IRepository, IDisposable
{
    private readonly TempFolder _folder = new TempFolder().CopyFrom(
        Repo.Root, [
            .. Directory.GetFiles(Repo.Root, "Pulumi*.yaml").Select(f => System.IO.Path.GetRelativePath(Repo.Root, f)),
            "renovate.json",
            "gitops",
            "stacks"]);

    public string Path => _folder.Path;

    /// <summary>Read as the Blueprint reads a repository, anew on every call: tests change files between reads.</summary>
    private RepoDirectory OnDisk => new(Path);

    public string File(string relative) => _folder.File(relative);

    public string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    public RepoCopy Write(string relative, string content)
    {
        _folder.Write(relative, content);
        return this;
    }

    public RepoCopy Write(params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            Write(file, text);
        }

        return this;
    }

    /// <summary>Replaces text in a copied file; fails the test if the text is not there.</summary>
    public RepoCopy Edit(string relative, string find, string replace)
    {
        var text = Read(relative);
        Assert.Contains(find, text, StringComparison.Ordinal);
        return Write(relative, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public RepoCopy Delete(string relative)
    {
        Assert.True(System.IO.File.Exists(File(relative)), $"{relative} does not exist");
        System.IO.File.Delete(File(relative));
        return this;
    }

    public bool DirectoryExists(string path) => OnDisk.DirectoryExists(path);

    public bool FileExists(string path) => OnDisk.FileExists(path);

    public string? ReadFile(string path) => OnDisk.ReadFile(path);

    public IReadOnlyList<string> ListFiles(string directory, string pattern) => OnDisk.ListFiles(directory, pattern);

    public IReadOnlyList<string> ListFilesBelow(string directory, string pattern) => OnDisk.ListFilesBelow(directory, pattern);

    public string? LeavesRepository(string path) => OnDisk.LeavesRepository(path);

    public void Dispose() => _folder.Dispose();
}
