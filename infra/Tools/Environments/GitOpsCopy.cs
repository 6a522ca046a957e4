using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Tools.Environments;

/// <summary>The Git side of a new environment, copied from the source with <see cref="EnvironmentCopy.Rewrite"/>: cluster folder,
/// platform folders, core values (stacks/&lt;env&gt;/values/), its ApplicationSet and AppProject. Other environments the source
/// cluster also runs (ops runs monitoring) are left out, with their projects' Applications and include-list entries.</summary>
public sealed record GitOpsCopy(IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<string> LeftOut)
{
    public static GitOpsCopy Of(
        StackConfig source, EnvironmentNames from, EnvironmentNames to, string clusterPath, GitOpsTree tree, IRepository repository)
    {
        var view = ClusterView.Of(source, tree, []);
        var ownAppSet = $"{AppConfig.EnvironmentPrefix}{from.Name}";
        var others = view.ApplicationSets.Where(a => a.Name != ownAppSet).ToList();
        var otherProjects = others.Select(a => GitOpsObject.Text(GitOpsObject.At(a.Spec, "template", "spec", "project")))
            .OfType<string>()
            .Where(p => p != from.Name && p != "core")
            .ToHashSet(StringComparer.Ordinal);
        var dropped = others.Select(a => $"{a.Name}.yaml").Concat(otherProjects.Select(p => $"{p}.yaml")).ToHashSet(StringComparer.Ordinal);
        var files = new List<(string Path, string Content)>();
        var leftOut = others.Select(a => $"environment {a.Name[AppConfig.EnvironmentPrefix.Length..]} (ApplicationSet {a.Name} in {a.File})")
            .ToList();
        var apps = tree.AppConfigs.Where(c => c.Environment == from.Name).Select(c => c.Folder).ToList();
        if (apps.Count > 0)
        {
            leftOut.Add($"{from.Name}'s apps ({string.Join(", ", apps)}): add {to.Name}'s own with new-app {to.Name} <name> ...");
        }

        foreach (var (key, path) in EnvironmentCopy.Files(repository, from.Name, source.GitOps.Path))
        {
            var objects = tree.Objects.Where(o => o.File == path).ToList();
            if (objects.Any(o => o.Is("Application") && otherProjects.Contains(GitOpsObject.Text(o.Spec["project"]) ?? "")))
            {
                leftOut.Add($"{path} (an Application of project {GitOpsObject.Text(objects[0].Spec["project"])})");
                continue;
            }

            var text = Includes(EnvironmentCopy.Rewrite(repository.ReadFile(path) ?? "", from, to), dropped);
            if (text is null)
            {
                leftOut.Add($"{path} (it includes only environments left out)");
                continue;
            }

            files.Add((EnvironmentCopy.PathFor(key, to.Name, clusterPath), text));
        }

        var own = view.ApplicationSets.FirstOrDefault(a => a.Name == ownAppSet);
        var values = $"stacks/{from.Name}/values";
        files.AddRange(repository.ListFilesBelow(values, "*")
            .Select(p => ($"stacks/{to.Name}/values{p[values.Length..]}", EnvironmentCopy.Rewrite(repository.ReadFile(p) ?? "", from, to))));

        if (own is not null)
        {
            files.Add(($"gitops/appsets/{AppConfig.EnvironmentPrefix}{to.Name}.yaml", EnvironmentCopy.Rewrite(
                repository.ReadFile(own.File) ?? "", from, to)));
            var project = $"gitops/projects/{from.Name}.yaml";
            if (GitOpsObject.Text(GitOpsObject.At(own.Spec, "template", "spec", "project")) == from.Name && repository.ReadFile(project) is { } text)
            {
                files.Add(($"gitops/projects/{to.Name}.yaml", EnvironmentCopy.Rewrite(text, from, to)));
            }
        }

        return new GitOpsCopy(files, leftOut);
    }

    /// <summary>The text with the left-out environments' entries taken out of its include lists; null when a list ends up empty.</summary>
    private static string? Includes(string text, HashSet<string> dropped)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (EnvironmentCopy.IncludeEntries(lines[i]) is not { } include || !include.Entries.Any(dropped.Contains))
            {
                continue;
            }

            var kept = include.Entries.Where(e => !dropped.Contains(e)).ToList();
            if (kept.Count == 0)
            {
                return null;
            }

            lines[i] = $"{include.Key} \"{{{string.Join(',', kept)}}}\"";
        }

        return string.Join('\n', lines);
    }
}
