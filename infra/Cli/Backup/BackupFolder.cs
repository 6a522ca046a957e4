using Bootstrap.Tools.Backup;

namespace Bootstrap.Cli.Backup;

/// <summary>
/// The folder a backup goes to, meant for a vault: only its owner may enter it (0700) or read a file (0600). Files are created
/// with that mode, never chmod-ed afterwards, so key material is never readable by others, not even for a moment.
/// </summary>
internal sealed class BackupFolder
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly List<BackupFile> _files = [];

    private BackupFolder(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyList<BackupFile> Files => _files;

    /// <summary>A new or empty folder; one backup per folder, so a vault never holds a mix of two.</summary>
    public static (BackupFolder? Folder, string? Problem) Prepare(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return (null, $"--out {full}: is a file; pass a new folder, e.g. backups/<stack>-<date>");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            return (null, $"--out {full}: is not empty; pass a new folder, e.g. backups/<stack>-<date>, so one backup never mixes with another");
        }

        return GitExposure.Problem(full) is { } exposed ? (null, $"--out {full}: {exposed}") : (new BackupFolder(full), null);
    }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates the folder (0700); called once everything is read, so a failed read leaves nothing behind.</summary>
    public void Create()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
            return;
        }

        Directory.CreateDirectory(Path, Folder);
        File.SetUnixFileMode(Path, Folder);
    }

    public void Write(string name, string content, bool listed = true)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Private;
        }

        using (var stream = new FileStream(PathOf(name), options))
        {
            stream.Write(bytes);
        }

        if (listed)
        {
            _files.Add(BackupFile.Of(name, bytes));
        }
    }

    /// <summary>Adopts a file another program wrote into the folder (the etcd snapshot): made private, then listed.</summary>
    public void Adopt(string name)
    {
        var path = PathOf(name);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Private);
        }

        using var stream = File.OpenRead(path);
        _files.Add(BackupFile.Of(name, stream));
    }
}
