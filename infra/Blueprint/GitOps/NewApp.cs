using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps.Rules;
using Bootstrap.Blueprint.Lint;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>What a team asks for with <c>new-app</c>.</summary>
public sealed record NewAppRequest(string Environment, string Name, string Chart, string Repo, string Version, string? Namespace = null, string PodSecurity = "restricted");

/// <summary>
/// Self-service: the files that add an app to an environment (its config.json and a values file), checked by the same
/// rules as `lint`, so what new-app writes always lints clean. Duplicates, unknown environments, core namespaces and
/// privileged pods are refused.
/// </summary>
public static class NewApp
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static (IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<Diagnostic> Diagnostics) Plan(NewAppRequest request, IRepository repository)
    {
        // The names become paths: anything but a DNS label is refused before a file is looked up with it.
        var badNames = new[] { ("environment", request.Environment), ("name", request.Name) }
            .Where(n => !NameRule.IsDnsLabel(n.Item2))
            .Select(n => Diagnostic.Error($"{n.Item1} \"{n.Item2}\"", "is not a DNS-1123 label", "use lowercase letters, digits and '-', at most 63 characters"))
            .ToList();
        if (badNames.Count > 0)
        {
            return ([], badNames);
        }

        var findings = new List<Diagnostic>();
        var tree = GitOpsTree.Load(repository, findings);
        var environments = AppConfigRule.Environments(tree);
        if (!environments.Contains(request.Environment))
        {
            return ([], [Diagnostic.Error($"environment \"{request.Environment}\"", "has no ApplicationSet", $"use one of: {string.Join(", ", environments)}")]);
        }

        var configFile = AppConfig.PathFor(request.Environment, request.Name);
        var valuesFile = AppConfig.ValuesFileFor(request.Environment, request.Name);
        foreach (var existing in new[] { configFile, valuesFile }.Where(repository.FileExists))
        {
            findings.Add(Diagnostic.Error(existing, "already exists", $"pick another name or edit the existing app {request.Environment}-{request.Name}"));
        }

        var fields = new JsonObject
        {
            ["name"] = request.Name,
            ["chart"] = request.Chart,
            ["repo"] = request.Repo,
            ["version"] = request.Version,
            ["namespace"] = request.Namespace ?? $"{request.Environment}-{request.Name}",
            ["podSecurity"] = request.PodSecurity,
        };
        var config = new AppConfig(configFile, request.Environment, request.Name, fields);
        var schemaText = repository.ReadFile(AppConfig.SchemaFile) ?? throw new BlueprintException([Diagnostic.Error(AppConfig.SchemaFile, "does not exist", "restore it")]);
        findings.AddRange(AppConfigRule.CheckConfig(config, SchemaDocument.Parse(schemaText, AppConfig.SchemaFile), tree));
        findings.AddRange(ProjectAllows(tree, config));
        if (findings.Count > 0)
        {
            return ([], findings);
        }

        var values = $"""
            # {request.Environment}-{request.Name}: values for chart {request.Chart} {request.Version} from {request.Repo}.
            # Argo CD passes this file to the chart (ApplicationSet apps-{request.Environment}); the chart's values.yaml lists every option.
            {"{}"}

            """;
        return ([(configFile, fields.ToJsonString(Json) + "\n"), (valuesFile, values)], []);
    }

    /// <summary>What happens after the files are committed, as new-app prints it.</summary>
    public static string NextSteps(NewAppRequest request, IReadOnlyList<(string Path, string Content)> files, bool automated)
    {
        var app = $"{request.Environment}-{request.Name}";
        return $"""
            Next:
              1. Put the chart's values in {files[1].Path}.
              2. Check: dotnet run --project infra/Cli -- lint --schemas ../shared/schemas
              3. Commit and open a pull request: git add {string.Join(" ", files.Select(f => f.Path))}
              4. After the merge, ApplicationSet apps-{request.Environment} creates Application {app} within 3 minutes (at once with the Git webhook).
              5. {(automated ? $"{request.Environment} syncs automatically with self-heal; watch it with: argocd app get {app}" : $"{request.Environment} syncs by approval: an operator runs argocd app sync {app} (or syncs it in the UI)")}.

            """;
    }

    /// <summary>Whether the environment's ApplicationSet syncs its apps automatically.</summary>
    public static bool SyncsAutomatically(IRepository repository, string environment)
    {
        var tree = GitOpsTree.Load(repository, []);
        var appSet = tree.Objects.FirstOrDefault(o => o.Is("ApplicationSet") && o.Name == $"{AppConfig.EnvironmentPrefix}{environment}");
        return GitOpsObject.At(appSet?.Spec, "template", "spec", "syncPolicy", "automated") is not null;
    }

    private static IEnumerable<Diagnostic> ProjectAllows(GitOpsTree tree, AppConfig config)
    {
        var appSet = tree.Objects.First(o => o.Is("ApplicationSet") && ClusterView.Reads(o, config.File));
        var projectName = GitOpsObject.Text(GitOpsObject.At(appSet.Spec, "template", "spec", "project"));
        var project = tree.Objects.FirstOrDefault(o => o.Is("AppProject") && o.Name == projectName);
        var repos = ProjectRule.Strings(project?.Spec["sourceRepos"]);
        if (project is not null && !repos.Any(pattern => Glob.Matches(pattern, config.Field("repo") ?? "")))
        {
            yield return Diagnostic.Error($"--repo {config.Field("repo")}", $"project {projectName} does not allow this chart repository", $"add it to sourceRepos in {project.File} (a reviewed change), or use: {string.Join(", ", repos)}");
        }
    }
}
