using System.Diagnostics;

namespace Bootstrap.Cli.Backup;

/// <summary>Whether a backup folder sits in a Git working tree that does not ignore it, one <c>git add -A</c> from committing
/// private keys. Git decides (<c>git check-ignore</c>, applying every .gitignore, info/exclude and core.excludesFile as a
/// commit would), so no .gitignore rule is imitated here.</summary>
internal static class GitExposure
{
    /// <summary>Why <paramref name="folder"/> must not hold a backup, or null when it is outside any working tree or ignored.</summary>
    public static string? Problem(string folder)
    {
        if (WorkingTree(folder) is not { } tree)
        {
            return null;
        }

        var relative = Path.GetRelativePath(tree, folder).Replace('\\', '/');
        var line = "/" + relative.Split('/')[0] + "/";
        var risk = $"is inside the Git working tree {tree}, and Git does not ignore it: the sealed-secrets keys and Talos secrets "
            + "written there would be one `git add -A` away from a commit, and a pushed key cannot be taken back; "
            + $"pass a folder outside the working tree (a vault, an encrypted disk), or add the line {line} to {Path.Combine(tree, ".gitignore")}";
        return Ignored(tree, relative + "/") switch
        {
            true => null,
            false => risk,
            null => $"{risk} (git could not be asked whether it ignores the folder: it is not on PATH or did not answer)",
        };
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds a .git folder or file (a worktree's).</summary>
    private static string? WorkingTree(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>git check-ignore -q: exit 0 ignored, 1 not ignored, anything else (or no git) unknown.</summary>
    private static bool? Ignored(string tree, string relative)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-C", tree, "check-ignore", "-q", "--", relative })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode switch { 0 => true, 1 => false, _ => null };
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
