using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>What Pulumi's first install can create: built-in kinds, the kinds of CRDs registered before (cilium-operator's, once
/// Cilium runs) and of the chart's own crds/ (installed first). Helm builds every object before applying any (helm
/// pkg/action/install.go, KubeClient.Build), so one object of a kind no CRD serves yet fails the whole install.</summary>
public static class BootstrapKinds
{
    public static IReadOnlyList<RenderFinding> Check(IReadOnlyList<RenderedObject> objects, IReadOnlyList<string> servedApiVersions, string chart)
    {
        var served = servedApiVersions.ToHashSet(StringComparer.Ordinal);
        var ownCrds = objects
            .Where(o => o.Kind?.Kind == "CustomResourceDefinition" && o.Template.StartsWith($"{chart}/crds/", StringComparison.Ordinal))
            .Select(o => (Group: GitOpsObject.Text(o.Body["spec"]?["group"]) ?? "", Kind: GitOpsObject.Text(o.Body["spec"]?["names"]?["kind"]) ?? ""))
            .ToHashSet();
        return objects
            .Where(o => o.Kind is { } kind && IsCustom(kind.Group) && !served.Contains(kind.ApiVersion) && !ownCrds.Contains((kind.Group, kind.Kind)))
            .Select(o => new RenderFinding(
                o,
                $"is created by Pulumi's first install of the release, but no CRD serves {o.Kind!.Value.ApiVersion} yet "
                + "at that point of the bootstrap: "
                + "helm stops the whole install with \"no matches for kind\"",
                "enable it only where the chart checks .Capabilities for its API (it then appears on Argo CD's first sync), "
                + "or have Pulumi install its CRDs before this release"))
            .ToList();
    }

    /// <summary>
    /// Custom resources: the groups of the CRD families the schema folder knows, and any dotted group outside Kubernetes' own
    /// <c>*.k8s.io</c> namespace (built-in groups are unsuffixed legacy names or end in .k8s.io; gateway.networking.k8s.io is a CRD).
    /// </summary>
    public static bool IsCustom(string group) =>
        CrdFamily.All.Any(f => f.Groups.Contains(group))
        || (group.Contains('.', StringComparison.Ordinal) && !group.EndsWith(".k8s.io", StringComparison.Ordinal));
}
