using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Blueprint.ChartRender;

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
            "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicationController" => ("spec.template.", body["spec"]?["template"]),
            "CronJob" => ("spec.jobTemplate.spec.template.", body["spec"]?["jobTemplate"]?["spec"]?["template"]),
            _ => ("", null),
        };
        return template?["spec"] is JsonObject spec ? new PodTemplate(at, spec, template["metadata"] as JsonObject ?? []) : null;
    }

    /// <summary>Init, regular and ephemeral containers, with the path each sits at (e.g. <c>spec.template.spec.initContainers[0]</c>).</summary>
    public IEnumerable<(string At, string Name, JsonObject Container)> Containers =>
        ContainerLists.SelectMany(list =>
            (Spec[list] as JsonArray ?? []).OfType<JsonObject>().Select((c, i) => ($"{At}spec.{list}[{i}]", GitOpsObject.Text(c["name"]) ?? $"#{i}", c)));
}
