using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Render;

/// <summary>
/// dev's rendered patches, values, manifests and plan files are pinned byte for byte: any change in what a rebuild
/// would apply shows up as a reviewed diff. Refresh with BOOTSTRAP_UPDATE_GOLDEN=1 dotnet test, then read the diff.
/// </summary>
public class GoldenTests
{
    private static readonly string Golden = Path.Combine(Repo.Root, "tests", "Blueprint.Tests", "Golden", "dev");

    [Fact]
    public void Dev_renders_exactly_the_golden_files()
    {
        var files = PlanFiles.Render(StackInput.Of("dev").Blueprint());
        if (Environment.GetEnvironmentVariable("BOOTSTRAP_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(Golden))
            {
                Directory.Delete(Golden, recursive: true);
            }

            foreach (var (path, content) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Golden, path))!);
                File.WriteAllText(Path.Combine(Golden, path), content);
            }
        }

        var expected = Directory.GetFiles(Golden, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Golden, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, files.Select(f => f.Path));
        foreach (var (path, content) in files)
        {
            Assert.True(File.ReadAllText(Path.Combine(Golden, path)) == content, $"{path} differs from tests/Blueprint.Tests/Golden/dev/{path}");
        }
    }
}
