using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Render;

/// <summary>Everything <c>plan</c> writes to out/&lt;stack&gt;/, as repo-relative paths and contents, sorted for byte-identical reruns.</summary>
public static class PlanFiles
{
    /// <summary>
    /// The file plan writes into every output folder it creates. A folder is replaced only when it holds this file, so
    /// plan never deletes or overwrites a folder it did not write (plan dev --out ~ must not remove ~/dev).
    /// </summary>
    public const string Marker = ".bootstrap-plan";

    public const string MarkerHeader = "# Written by `bootstrap plan`";

    public static string MarkerText(string stack) =>
        $"{MarkerHeader} for stack {stack}: this folder is replaced on every run; keep nothing else in it.\n";

    public static IReadOnlyList<(string Path, string Content)> Render(ClusterBlueprint blueprint)
    {
        var files = new List<(string, string)>
        {
            ("talos/schematic.yaml", blueprint.Image.Schematic.Yaml),
            ($"talos/{PatchFile(blueprint.Talos.Common)}", blueprint.Talos.Common.Yaml),
            ($"talos/{PatchFile(blueprint.Talos.ControlPlane)}", blueprint.Talos.ControlPlane.Yaml),
            ($"talos/{PatchFile(blueprint.Talos.Worker)}", blueprint.Talos.Worker.Yaml),
            ("plan.json", PlanJson.Render(blueprint)),
            ("topology.md", Topology.Render(blueprint)),
        };
        files.AddRange(blueprint.Nodes.Select(n => ($"talos/{PatchFile(n.Patch)}", n.Patch.Yaml)));
        files.AddRange(blueprint.Addons.Releases.Select(r => ($"values/{r.App}.yaml", r.ValuesYaml)));
        files.AddRange(blueprint.Addons.Manifests.Select(m => ($"manifests/{m.Name}.yaml", m.Yaml)));
        // The exact bytes `pulumi up` runs on the operator's machine, for review (they hold no credentials).
        files.AddRange(blueprint.Scripts.Select(s => ($"scripts/{s.Key.Replace('/', '-')}.sh", s.Value.Script)));
        files.AddRange(blueprint.Scripts.Where(s => s.Value.DeleteScript is not null)
            .Select(s => ($"scripts/{s.Key.Replace('/', '-')}.delete.sh", s.Value.DeleteScript!)));
        return files.OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    public static string PatchFile(MachinePatch patch) => patch.Scope == PatchScope.Node ? $"node-{patch.Name}.yaml" : $"{patch.Name}.yaml";
}
