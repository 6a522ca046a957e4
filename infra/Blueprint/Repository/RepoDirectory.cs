namespace Bootstrap.Blueprint.Repository;

/// <summary>The repository as it is on disk.</summary>
public sealed class RepoDirectory(string root) : IRepository
{
    public string Root { get; } = Path.GetFullPath(root);

    public bool DirectoryExists(string path) => Directory.Exists(Full(path));

    public bool FileExists(string path) => File.Exists(Full(path));

    public string? ReadFile(string path) => File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;

    public IReadOnlyList<string> ListFiles(string directory, string pattern) => List(directory, pattern, SearchOption.TopDirectoryOnly);

    public IReadOnlyList<string> ListFilesBelow(string directory, string pattern) => List(directory, pattern, SearchOption.AllDirectories);

    /// <summary>Finds the repository root upwards from <paramref name="start"/>: the folder holding Pulumi.yaml.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Pulumi.yaml in {start} or any parent folder; run from inside the repository or pass --root");
    }

    private List<string> List(string directory, string pattern, SearchOption depth) =>
        Directory.Exists(Full(directory))
            ? Directory.GetFiles(Full(directory), pattern, depth)
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private string Full(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
}
