using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Render;

/// <summary>
/// dev's rendered patches, values, manifests and plan files are pinned byte for byte: any change in what a rebuild
/// would apply shows up as a reviewed diff. Refresh with BOOTSTRAP_UPDATE_GOLDEN=1 dotnet test, then read the diff.
/// </summary>
public class GoldenTests
{
    private static readonly string Dev = Path.Combine(Golden.Folder, "dev");

    [Fact]
    public void Dev_renders_exactly_the_golden_files()
    {
        var files = PlanFiles.Render(StackInput.Of("dev").Blueprint());
        if (Golden.Updating && Directory.Exists(Dev))
        {
            // Files the plan no longer renders go; Golden.Match writes the others below.
            Directory.Delete(Dev, recursive: true);
            Directory.CreateDirectory(Dev);
        }

        foreach (var (path, content) in files)
        {
            Golden.Match($"dev/{path}", content);
        }

        var expected = Directory.GetFiles(Dev, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Dev, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, files.Select(f => f.Path));
    }
}
