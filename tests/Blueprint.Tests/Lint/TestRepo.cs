using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Moq;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>This repository and the upstream schema folder next to it (../shared/schemas), as the tests find them.</summary>
internal static class TestRepo
{
    public static readonly string Root = FindRoot();

    public static readonly string Schemas = Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));

    public static string MissingSchemasReason => $"upstream schemas not found at {Schemas}; CI provides ../shared/schemas";

    private static readonly Lazy<SchemaSet> Shared = new(() => new SchemaSet(Schemas));

    /// <summary>One schema set for all tests: each schema file is parsed once per test run.</summary>
    public static SchemaSet SchemaSet => Shared.Value;

    public static RepoDirectory Repository => new(Root);

    public static ClusterBlueprint Blueprint(string stack)
    {
        var (values, findings) = StackFile.Read(Root, stack);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        return ClusterBlueprint.Load(stack, values, Repository);
    }

    /// <summary>The repository with some files replaced or added, everything else read from disk.</summary>
    public static IRepository With(IReadOnlyDictionary<string, string> files)
    {
        var real = Repository;
        var repository = new Mock<IRepository>(MockBehavior.Strict);
        repository.Setup(r => r.ReadFile(It.IsAny<string>())).Returns((string path) => files.TryGetValue(path, out var text) ? text : real.ReadFile(path));
        repository.Setup(r => r.FileExists(It.IsAny<string>())).Returns((string path) => files.ContainsKey(path) || real.FileExists(path));
        repository.Setup(r => r.DirectoryExists(It.IsAny<string>())).Returns((string path) => real.DirectoryExists(path));
        repository.Setup(r => r.ListFiles(It.IsAny<string>(), It.IsAny<string>())).Returns((string dir, string pattern) => real.ListFiles(dir, pattern));
        repository.Setup(r => r.ListFilesBelow(It.IsAny<string>(), It.IsAny<string>())).Returns((string dir, string pattern) =>
            real.ListFilesBelow(dir, pattern)
                .Concat(files.Keys.Where(f => f.StartsWith($"{dir}/", StringComparison.Ordinal) && f.EndsWith(pattern.TrimStart('*'), StringComparison.Ordinal)))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList());
        return repository.Object;
    }

    public static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Pulumi.yaml above {AppContext.BaseDirectory}: the tests must run inside the repository");
    }
}
