using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

/// <summary>renovate.json keeps every pinned version current: its managers must match the files that pin them.</summary>
public class RenovateTests
{
    private static readonly JsonObject Config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "renovate.json")))!.AsObject();

    private static JsonObject Manager(string description) =>
        Config["customManagers"]!
            .AsArray()
            .OfType<JsonObject>()
            .Single(m => ((string)m["description"]!).Contains(description, StringComparison.Ordinal));

    private static Regex Pattern(JsonObject manager, string key) =>
        new(((string)manager[key]![0]!).Trim('/'), RegexOptions.None, TimeSpan.FromSeconds(1));

    [Fact]
    public void At_most_two_prs_with_chore_deps_commits()
    {
        Assert.Equal(2, (int)Config["prConcurrentLimit"]!);
        Assert.Equal(
            ("enabled", "chore", "deps"),
            ((string)Config["semanticCommits"]!, (string)Config["semanticCommitType"]!, (string)Config["semanticCommitScope"]!));
    }

    [Fact]
    public void The_config_json_manager_finds_every_apps_chart()
    {
        var manager = Manager("config.json");
        var configs = Directory.GetFiles(Path.Combine(Repo.Root, "gitops", "apps"), "config.json", SearchOption.AllDirectories);

        Assert.Equal(5, configs.Length);
        foreach (var file in configs)
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            Assert.Matches(Pattern(manager, "managerFilePatterns"), relative);
            var match = new Regex((string)manager["matchStrings"]![0]!).Match(File.ReadAllText(file));
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.True(match.Success, relative);
            Assert.Equal(
                ((string?)json["chart"], (string?)json["repo"], (string?)json["version"]),
                (match.Groups["depName"].Value, match.Groups["registryUrl"].Value, match.Groups["currentValue"].Value));
        }
    }

    [Theory]
    [InlineData("Talos version", "v1.13.9")]
    [InlineData("Kubernetes version", "1.36.3")]
    public void Stack_file_managers_find_the_talos_and_kubernetes_versions(string description, string version)
    {
        var manager = Manager(description);

        foreach (var stack in new[] { "dev", "ops" })
        {
            Assert.Matches(Pattern(manager, "managerFilePatterns"), $"Pulumi.{stack}.yaml");
            var match = new Regex((string)manager["matchStrings"]![0]!).Match(File.ReadAllText(Path.Combine(Repo.Root, $"Pulumi.{stack}.yaml")));
            Assert.Equal(version, match.Groups["currentValue"].Value);
        }
    }

    [Fact]
    public void The_argocd_manager_covers_the_core_app_manifests()
    {
        var pattern = new Regex(((string)Config["argocd"]!["managerFilePatterns"]![0]!).Trim('/'));

        Assert.Matches(pattern, "gitops/clusters/dev/core/cilium.yaml");
        Assert.Matches(pattern, "gitops/clusters/ops/core/argocd.yaml");
    }

    [SchemaFact]
    public void The_config_validates_against_renovates_schema()
    {
        Assert.Empty(RenovateCheck.Check(UpstreamSchemas.Set, Repo.Directory));
    }

    [SchemaFact]
    public void A_misspelt_option_or_a_wrong_type_fails()
    {
        using var repository = new RepoCopy();
        repository
            .Edit("renovate.json", "\"prConcurrentLimit\": 2", "\"prConcurentLimit\": 2")
            .Edit("renovate.json", "\"semanticCommits\": \"enabled\"", "\"semanticCommits\": true");

        var findings = RenovateCheck.Check(UpstreamSchemas.Set, repository);

        Findings.SingleError(findings, "renovate.json: prConcurentLimit", "is not a Renovate option");
        Assert.Contains(findings, f => f.Key == "renovate.json: semanticCommits");
    }
}
