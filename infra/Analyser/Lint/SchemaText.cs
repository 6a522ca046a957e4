using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// Reads a file of the schema folder (or a chart) through the one bounded reader every input file goes through: a device,
/// a pipe or a runaway file stops at the size limit, and text that is not UTF-8 is refused, as a <see cref="SchemaFileException"/>.
/// </summary>
internal static class SchemaText
{
    /// <summary>The largest schema file read (16 MiB): the Kubernetes OpenAPI document of the core group is about 1.5 MiB.</summary>
    private const int MaxBytes = 16 * 1024 * 1024;

    public static string Read(string file)
    {
        try
        {
            return FileText.Read(file, file, MaxBytes);
        }
        catch (BlueprintException e)
        {
            throw new SchemaFileException(file, e.Diagnostics[0].Problem);
        }
    }
}
