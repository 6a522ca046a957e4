using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.Lint;

/// <summary>A Kubernetes group, version and kind: what the API server looks an object up by.</summary>
public readonly record struct ApiKind(string Group, string Version, string Kind)
{
    /// <summary>The object's apiVersion: <c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind of an object, or null when it lacks apiVersion or kind.</summary>
    public static ApiKind? Of(JsonObject body)
    {
        var apiVersion = GitOpsObject.Text(body["apiVersion"]);
        var kind = GitOpsObject.Text(body["kind"]);
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            return null;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ApiKind("", apiVersion, kind) : new ApiKind(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    public override string ToString() => $"{Kind} ({ApiVersion})";
}
