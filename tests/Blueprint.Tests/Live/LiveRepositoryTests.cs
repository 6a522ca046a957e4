using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Live;

/// <summary>
/// The one test that reads the live repository (the stack files, gitops/ and stacks/ a user edits): every stack plans and
/// the whole repository lints clean, as CI's plan and lint do. Every other test reads the fixture repository, so a user's
/// valid change (a node, a chart bump, an app) fails nothing, and an invalid one fails only this.
/// </summary>
public sealed class LiveRepositoryTests : IDisposable
{
    private readonly TempFolder _out = new();

    public static TheoryData<string> Stacks()
    {
        var stacks = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Source, "Pulumi.*.yaml").Order(StringComparer.Ordinal))
        {
            stacks.Add(Path.GetFileNameWithoutExtension(file)["Pulumi.".Length..]);
        }

        return stacks;
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_live_stack_plans(string stack)
    {
        var (exit, output) = Run("plan", stack, "--out", _out.Path);

        Assert.True(exit == 0, $"plan {stack} on the live repository exits {exit}:\n{output}");
    }

    [Fact]
    public void The_live_repository_lints_clean()
    {
        var (exit, output) = Run("lint");

        Assert.True(exit == 0, $"lint on the live repository exits {exit}:\n{output}");
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        var exit = CliApp.Run([.. args, "--root", Repo.Source], output, output);
        return (exit, output.ToString());
    }

    public void Dispose() => _out.Dispose();
}
