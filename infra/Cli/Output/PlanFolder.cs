using Bootstrap.Blueprint.Render;

namespace Bootstrap.Cli.Output;

/// <summary>Where plan writes: <c>&lt;out&gt;/&lt;stack&gt;/</c>, replaced whole and only when it is a previous plan (holds
/// <see cref="PlanFiles.Marker"/>). Rendered into a hidden sibling first and moved at the end, so a failure leaves the
/// previous plan intact.</summary>
internal static class PlanFolder
{
    /// <summary>Why <paramref name="target"/> may not be replaced, or null when it may (it does not exist, or plan wrote it).</summary>
    public static string? Refusal(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (File.Exists(parent))
        {
            return $"{parent} is a file; pass a folder to --out";
        }

        var folder = new DirectoryInfo(target);
        if (folder.LinkTarget is not null || (File.Exists(target) && new FileInfo(target).LinkTarget is not null))
        {
            return $"{target} is a symlink; plan writes only into folders it created, so it will not follow or replace it; "
                + "remove it or pass another --out";
        }

        if (File.Exists(target))
        {
            return $"{target} is a file that plan did not write; move it away or pass another --out";
        }

        if (!folder.Exists)
        {
            return null;
        }

        var marker = new FileInfo(Path.Combine(target, PlanFiles.Marker));
        var written = marker.Exists && marker.LinkTarget is null && marker.Length < 4096
            && File.ReadAllText(marker.FullName).StartsWith(PlanFiles.MarkerHeader, StringComparison.Ordinal);
        return written
            ? null
            : $"{target} exists and was not written by plan (no {PlanFiles.Marker} in it), so plan will not replace it; "
                + "move it away or pass another --out";
    }

    /// <summary>Writes the plan into a new folder beside <paramref name="target"/>, then swaps it in.</summary>
    public static void Write(string target, string stack, IReadOnlyList<(string Path, string Content)> files)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.plan-{Guid.NewGuid():N}");
        try
        {
            foreach (var (path, content) in files.Append((PlanFiles.Marker, PlanFiles.MarkerText(stack))))
            {
                var file = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(content);
            }

            // Checked again right before the swap: the folder may have changed while the plan was rendered.
            if (Refusal(target) is { } refusal)
            {
                throw new IOException(refusal);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
