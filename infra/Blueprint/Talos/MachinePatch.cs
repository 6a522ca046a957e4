using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Talos;

public enum PatchScope
{
    Common,
    ControlPlane,
    Worker,
    Node,
}

/// <summary>One Talos machine-config patch: a v1alpha1 partial config and/or typed documents (HostnameConfig, LinkConfig, ...).</summary>
public sealed record MachinePatch(string Name, PatchScope Scope, IReadOnlyList<JsonObject> Documents)
{
    /// <summary>Multi-document YAML as Talos config patches take it.</summary>
    public string Yaml => YamlWriter.WriteAll(Documents);
}
