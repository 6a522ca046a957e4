namespace Bootstrap.Blueprint.Repository;

/// <summary>Read access to this Git repository (gitops manifests, values files); paths are repo-relative with '/' separators.</summary>
public interface IRepository
{
    bool DirectoryExists(string path);

    bool FileExists(string path);

    /// <summary>The file's text, or null when it does not exist.</summary>
    string? ReadFile(string path);

    /// <summary>Repo-relative paths of the files directly in <paramref name="directory"/> matching <paramref
    /// name="pattern"/>, sorted ordinally.</summary>
    IReadOnlyList<string> ListFiles(string directory, string pattern);

    /// <summary>Like <see cref="ListFiles"/>, but also the files in every folder below <paramref name="directory"/>.</summary>
    IReadOnlyList<string> ListFilesBelow(string directory, string pattern);

    /// <summary>Why <paramref name="path"/> leads out of the repository (a symlink, '..'), or null when it stays inside.</summary>
    string? LeavesRepository(string path) => null;
}
