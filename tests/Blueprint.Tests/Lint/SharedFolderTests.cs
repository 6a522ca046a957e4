using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>Tests needing ../shared skip on a developer machine without it, but never in CI, where a skip reads as a pass.</summary>
public class SharedFolderTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), $"no-shared-{Guid.NewGuid():N}");

    [Fact]
    public void Without_the_folder_a_developer_machine_skips_with_the_reason()
    {
        var reason = Repo.SkipReason(Missing, "BOOTSTRAP_SCHEMAS", "upstream schemas", _ => null);

        Assert.Equal($"upstream schemas not found at {Missing}; CI provides it (or set BOOTSTRAP_SCHEMAS)", reason);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("BOOTSTRAP_SCHEMAS", "shared/schemas")]
    public void In_CI_or_with_the_variable_set_the_test_runs_and_fails_instead_of_skipping(string variable, string value)
    {
        Assert.Null(Repo.SkipReason(Missing, "BOOTSTRAP_SCHEMAS", "upstream schemas", name => name == variable ? value : null));
    }

    [Fact]
    public void A_relative_BOOTSTRAP_SCHEMAS_is_read_from_the_repository_root_as_the_pull_request_workflow_sets_it()
    {
        // The workflow checks the schemas out to shared/ inside the repository and sets BOOTSTRAP_SCHEMAS=shared/schemas;
        // the tests run from bin/, so a relative path must not be taken from the working folder.
        var folder = Repo.SharedFolder("BOOTSTRAP_SCHEMAS", "schemas", name => name == "BOOTSTRAP_SCHEMAS" ? "shared/schemas" : null);

        Assert.Equal(Path.Combine(Repo.Source, "shared", "schemas"), folder);
        Assert.Equal(
            Path.GetFullPath(Path.Combine(Repo.Source, "..", "shared", "schemas")), Repo.SharedFolder("BOOTSTRAP_SCHEMAS", "schemas", _ => null));
    }
}
