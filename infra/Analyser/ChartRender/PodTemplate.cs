using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>The pod a rendered object runs: a Pod itself, or the template of a workload controller.</summary>
public sealed record PodTemplate(string At, JsonObject Spec, JsonObject Metadata)
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    /// <summary>The pod of a Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, ReplicationController or CronJob; null otherwise.</summary>
    public static PodTemplate? Of(JsonObject body)
    {
        var (at, template) = GitOpsObject.Text(body["kind"]) switch
        {
            "Pod" => ("", body),
            "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicationController" =>
                ("spec.template.", body["spec"]?["template"]),
            "CronJob" => ("spec.jobTemplate.spec.template.", body["spec"]?["jobTemplate"]?["spec"]?["template"]),
            _ => ("", null),
        };
        return template?["spec"] is JsonObject spec ? new PodTemplate(at, spec, template["metadata"] as JsonObject ?? []) : null;
    }

    /// <summary>Init, regular and ephemeral containers, each with the path it sits at.</summary>
    public IEnumerable<PodContainer> Containers =>
        ContainerLists.SelectMany(list => (Spec[list] as JsonArray ?? []).OfType<JsonObject>()
            .Select((c, i) => new PodContainer($"{At}spec.{list}[{i}]", GitOpsObject.Text(c["name"]) ?? $"#{i}", c)));
}

/// <summary>One container of a pod: where it sits (e.g. <c>spec.template.spec.initContainers[0]</c>), its name, its fields.</summary>
public sealed record PodContainer(string At, string Name, JsonObject Body)
{
    public IReadOnlySet<string> AddedCapabilities =>
        (Body["securityContext"]?["capabilities"]?["add"] as JsonArray ?? []).Select(GitOpsObject.Text).OfType<string>().ToHashSet();

    public string? Env(string name) =>
        (Body["env"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => GitOpsObject.Text(e["name"]) == name)
            .Select(e => GitOpsObject.Text(e["value"]))
            .FirstOrDefault();
}
