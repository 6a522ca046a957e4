using System.IO.Enumeration;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Repository;

/// <summary>The repository on disk and nothing outside it: paths that climb out ('..', absolute) or pass a symlink that
/// leaves it are refused, by Argo CD's rule (argoproj/argo-cd util/app/path/path.go CheckOutOfBoundsSymlinks: any absolute
/// symlink, or relative one stepping out at any point). Listings skip symlinked folders, as Argo CD's filepath.Walk does.</summary>
public sealed class RepoDirectory(string root) : IRepository
{
    private const string Fix = "Argo CD refuses symlinks that leave the repository (out of bounds symlink); commit the file itself instead";

    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public bool DirectoryExists(string path) => Directory.Exists(Inside(path));

    public bool FileExists(string path) => File.Exists(Inside(path));

    public string? ReadFile(string path) => Inside(path) is var full && File.Exists(full) ? FileText.Read(full, path) : null;

    public IReadOnlyList<string> ListFiles(string directory, string pattern) => List(directory, pattern, recurse: false);

    public IReadOnlyList<string> ListFilesBelow(string directory, string pattern) => List(directory, pattern, recurse: true);

    public string? LeavesRepository(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsInside(full))
        {
            return "is outside the repository";
        }

        var current = Root;
        foreach (var part in Path.GetRelativePath(Root, full).Split(Path.DirectorySeparatorChar).Where(p => p is not ("" or ".")))
        {
            current = Path.Combine(current, part);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is { } target)
            {
                if (SymlinkProblem(current, target) is { } problem)
                {
                    return problem;
                }
            }
            else if (!entry.Exists && !Directory.Exists(current))
            {
                break;
            }
        }

        return null;
    }

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

    /// <summary>The full path of a repo-relative path that stays inside; otherwise the input cannot be used at all.</summary>
    private string Inside(string path) =>
        LeavesRepository(path) is { } problem
            ? throw new BlueprintException([FindingId.RepositoryPath.At(path, problem, Fix)])
            : Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));

    private string? SymlinkProblem(string link, string target)
    {
        if (Path.IsPathRooted(target))
        {
            return $"is a symlink to the absolute path {target}";
        }

        // Argo CD walks the target one part at a time: stepping out of the root anywhere on the way is out of bounds.
        var current = Path.GetDirectoryName(link)!;
        foreach (var part in target.Split(Path.DirectorySeparatorChar))
        {
            current = Path.GetFullPath(Path.Combine(current, part));
            if (!IsInside(current))
            {
                return $"is a symlink to {target}, outside the repository";
            }
        }

        var resolved = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true);
        return resolved is not null && !IsInside(Path.GetFullPath(resolved.FullName))
            ? $"is a symlink that resolves to {resolved.FullName}, outside the repository"
            : null;
    }

    private bool IsInside(string full) =>
        full == Root || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Root == Path.GetPathRoot(Root);

    private List<string> List(string directory, string pattern, bool recurse)
    {
        var start = Inside(directory);
        var found = new List<string>();
        if (!Directory.Exists(start))
        {
            return found;
        }

        var folders = new Stack<string>([start]);
        while (folders.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(folders.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(Root, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is { } target)
                {
                    if (SymlinkProblem(entry.FullName, target) is { } problem)
                    {
                        throw new BlueprintException([FindingId.RepositoryPath.At(relative, problem, Fix)]);
                    }

                    if (File.Exists(entry.FullName) && FileSystemName.MatchesSimpleExpression(pattern, entry.Name, ignoreCase: false))
                    {
                        found.Add(relative);
                    }
                }
                else if (entry is DirectoryInfo folder)
                {
                    if (recurse)
                    {
                        folders.Push(folder.FullName);
                    }
                }
                else if (FileSystemName.MatchesSimpleExpression(pattern, entry.Name, ignoreCase: false))
                {
                    found.Add(relative);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
