using Bootstrap.Blueprint.Repository;
using Bootstrap.Cli.Commands;

namespace Bootstrap.Cli.Output;

/// <summary>Writes new files and replaces one existing file, all or nothing, inside the repository only. A new file never
/// replaces anything; the replaced file must still read as planned. On any failure everything written is removed.</summary>
internal static class RepositoryChange
{
    public static void Apply(
        RepoDirectory repository, IReadOnlyList<(string Path, string Content)> created, (string Path, string Before, string After)? changed)
    {
        var files = new List<string>();
        var folders = new List<string>();
        string? staged = null;
        try
        {
            foreach (var (path, content) in created)
            {
                var full = Inside(repository, path);
                Folders(Path.GetDirectoryName(full)!, folders);
                using var writer = new StreamWriter(new FileStream(full, FileMode.CreateNew, FileAccess.Write));
                files.Add(full);
                writer.Write(content);
            }

            if (changed is { } change)
            {
                var full = Inside(repository, change.Path);
                if (File.ReadAllText(full) != change.Before)
                {
                    throw new IOException($"{change.Path} changed while the command ran; nothing was written, run it again");
                }

                // Written beside it first, then moved over it: a reader sees the old file or the new one, never half of it.
                staged = $"{full}.{Guid.NewGuid():N}.tmp";
                File.WriteAllText(staged, change.After);
                File.Move(staged, full, overwrite: true);
                staged = null;
            }
        }
        catch
        {
            files.ForEach(File.Delete);
            // Deepest first, so a folder is empty by the time it is removed.
            foreach (var folder in Enumerable.Reverse(folders).Where(f => !Directory.EnumerateFileSystemEntries(f).Any()))
            {
                Directory.Delete(folder);
            }
            if (staged is not null && File.Exists(staged))
            {
                File.Delete(staged);
            }

            throw;
        }
    }

    private static string Inside(RepoDirectory repository, string path) =>
        repository.LeavesRepository(path) is { } escape
            ? throw new UsageException($"{path} {escape}; nothing is written outside the repository")
            : Path.Combine(repository.Root, path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Creates <paramref name="folder"/> and the missing folders above it, remembering each one it created.</summary>
    private static void Folders(string folder, List<string> created)
    {
        var missing = new Stack<string>();
        for (var current = folder; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            Directory.CreateDirectory(next);
            created.Add(next);
        }
    }
}
