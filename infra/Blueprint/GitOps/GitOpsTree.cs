using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>Everything under gitops/: the Kubernetes objects of every YAML file and every app's config.json.</summary>
public sealed class GitOpsTree
{
    public const string Root = "gitops";

    private GitOpsTree(IReadOnlyList<GitOpsObject> objects, IReadOnlyList<AppConfig> appConfigs)
    {
        Objects = objects;
        AppConfigs = appConfigs;
    }

    public IReadOnlyList<GitOpsObject> Objects { get; }

    public IReadOnlyList<AppConfig> AppConfigs { get; }

    public static GitOpsTree Load(IRepository repository, List<Diagnostic> findings)
    {
        var objects = new List<GitOpsObject>();
        foreach (var file in repository.ListFilesBelow(Root, "*.yaml").Concat(repository.ListFilesBelow(Root, "*.yml")).Order(StringComparer.Ordinal))
        {
            try
            {
                var documents = YamlReader.ParseAll(repository.ReadFile(file) ?? "", file);
                for (var i = 0; i < documents.Count; i++)
                {
                    if (documents[i] is JsonObject body)
                    {
                        objects.Add(new GitOpsObject(file, i, body) { Multiple = documents.Count > 1 });
                    }
                    else
                    {
                        findings.Add(FindingId.GitOpsYaml.At(
                            file,
                            $"document {i + 1} is not a Kubernetes object",
                            "every YAML document under gitops/ is one object with apiVersion, kind and metadata"));
                    }
                }
            }
            catch (YamlFormatException e)
            {
                findings.Add(FindingId.GitOpsYaml.At(e.Location, e.Problem, "fix the YAML syntax"));
            }
        }

        var configs = repository.ListFilesBelow($"{Root}/apps", AppConfig.FileName)
            .Select(file => AppConfig.Read(repository, file, findings))
            .OfType<AppConfig>()
            .ToList();
        return new GitOpsTree(objects, configs);
    }

    /// <summary>The objects an Argo CD directory source deploys: files in <paramref name="path"/> (below it with recurse),
    /// filtered by include/exclude globs.</summary>
    public IEnumerable<GitOpsObject> Directory(string path, bool recurse, string? include, string? exclude)
    {
        var folder = path.TrimEnd('/') + "/";
        return Objects.Where(o =>
        {
            if (!o.File.StartsWith(folder, StringComparison.Ordinal))
            {
                return false;
            }

            var relative = o.File[folder.Length..];
            var name = relative[(relative.LastIndexOf('/') + 1)..];
            return (recurse || !relative.Contains('/'))
                && (include is null || Glob.Matches(include, name) || Glob.Matches(include, relative))
                && (exclude is null || !(Glob.Matches(exclude, name) || Glob.Matches(exclude, relative)));
        });
    }
}
