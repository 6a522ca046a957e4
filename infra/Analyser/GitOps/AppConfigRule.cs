using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Every config.json is a valid self-service app: it satisfies gitops/apps/config.schema.json, is named after its folder,
/// targets its environment's namespaces (never a core one) in an environment with an ApplicationSet, and has its values file.
/// </summary>
public sealed class AppConfigRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var schemaText = context.Repository.ReadFile(AppConfig.SchemaFile);
        if (schemaText is null)
        {
            yield return FindingId.AppConfig.At(AppConfig.SchemaFile, "does not exist", "restore the schema every config.json is checked against");
            yield break;
        }

        var schema = SchemaDocument.Parse(schemaText, AppConfig.SchemaFile);
        foreach (var config in context.Tree.AppConfigs)
        {
            foreach (var finding in ForApp(config, schema, context.Tree))
            {
                yield return finding;
            }

            if (!context.Repository.FileExists(config.ValuesFile))
            {
                yield return FindingId.AppConfig.At(
                    config.File,
                    $"has no values file {config.ValuesFile}",
                    $"create {config.ValuesFile} (new-app writes a starter)");
            }
        }
    }

    /// <summary>Everything about one config.json but its values file (new-app writes that alongside, and asks this first).</summary>
    public static IEnumerable<Diagnostic> ForApp(AppConfig config, NJsonSchema.JsonSchema schema, GitOpsTree tree)
    {
        foreach (var violation in SchemaViolation.Find(schema, config.Fields))
        {
            yield return FindingId.AppConfig.At($"{config.File}: {violation.Where}", violation.Problem, violation.Fix);
        }

        var name = config.Field("name");
        if (name is not null && name != config.Folder)
        {
            yield return FindingId.AppConfig.At(
                $"{config.File}: name",
                $"is \"{name}\" in folder {config.Folder}",
                $"name the app after its folder: \"{config.Folder}\"");
        }

        var appSets = tree.Objects.Where(o => o.Is("ApplicationSet")).ToList();
        if (!appSets.Any(a => ClusterView.Reads(a, config.File)))
        {
            yield return FindingId.AppConfig.At(
                config.File,
                $"environment \"{config.Environment}\" has no ApplicationSet reading it, so nothing deploys it",
                $"use an environment with one: {string.Join(", ", Environments(tree))}");
        }

        var ns = config.Field("namespace");
        if (ns is not null && CoreNamespaces(tree).Contains(ns))
        {
            yield return FindingId.AppConfig.At(
                $"{config.File}: namespace", $"\"{ns}\" is a core namespace", $"use {config.Environment}-{config.Folder}");
        }
        else if (ns is not null && ns != config.Environment && !ns.StartsWith($"{config.Environment}-", StringComparison.Ordinal))
        {
            yield return FindingId.AppConfig.At(
                $"{config.File}: namespace",
                $"\"{ns}\" is outside environment {config.Environment}'s namespaces",
                $"use {config.Environment}-{config.Folder} (or {config.Environment}-<something>)");
        }
    }

    /// <summary>The environments an ApplicationSet serves (apps-&lt;env&gt;), sorted.</summary>
    public static IReadOnlyList<string> Environments(GitOpsTree tree) =>
        tree.Objects.Where(o => o.Is("ApplicationSet") && o.Name.StartsWith(AppConfig.EnvironmentPrefix, StringComparison.Ordinal))
            .Select(o => o.Name[AppConfig.EnvironmentPrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Namespaces apps may never use: Kubernetes' own and those the core project deploys to.</summary>
    public static IReadOnlySet<string> CoreNamespaces(GitOpsTree tree) =>
        tree.Objects
            .Where(o => o.Is("AppProject") && o.Name == "core")
            .SelectMany(p => (p.Spec["destinations"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(d => GitOpsObject.Text(GitOpsObject.At(d, "namespace"))))
            .OfType<string>()
            .Concat(["default", "kube-system", "kube-public", "kube-node-lease"])
            .ToHashSet(StringComparer.Ordinal);
}
