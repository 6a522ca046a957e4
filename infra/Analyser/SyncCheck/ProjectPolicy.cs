using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.SyncCheck;

/// <summary>A group/kind (and, for cluster-scoped lists, name) pattern of an AppProject list.</summary>
public sealed record KindPattern(string Group, string Kind, string Name);

/// <summary>A destination pattern of an AppProject: server or cluster name, and namespace.</summary>
public sealed record DestinationPattern(string Server, string Name, string Namespace);

/// <summary>
/// What an AppProject lets its Applications sync, decided as Argo CD v3.4.4 decides it
/// (pkg/apis/application/v1alpha1/app_project_types.go IsSourcePermitted, isDestinationMatched, IsGroupKindNamePermitted).
/// </summary>
public sealed partial record ProjectPolicy(
    string Name,
    IReadOnlyList<string> SourceRepos,
    IReadOnlyList<DestinationPattern> Destinations,
    IReadOnlyList<KindPattern> ClusterWhitelist,
    IReadOnlyList<KindPattern> ClusterBlacklist,
    IReadOnlyList<KindPattern>? NamespaceWhitelist,
    IReadOnlyList<KindPattern> NamespaceBlacklist)
{
    public static ProjectPolicy Of(GitOpsObject project)
    {
        var spec = project.Spec;
        return new ProjectPolicy(
            project.Name,
            GitOpsObject.Strings(spec["sourceRepos"]),
            (spec["destinations"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(d => new DestinationPattern(Text(d, "server"), Text(d, "name"), Text(d, "namespace")))
                .ToList(),
            Kinds(spec["clusterResourceWhitelist"]) ?? [],
            Kinds(spec["clusterResourceBlacklist"]) ?? [],
            // A missing namespaced whitelist allows every kind; a present, empty one allows none (IsGroupKindNamePermitted).
            Kinds(spec["namespaceResourceWhitelist"]),
            Kinds(spec["namespaceResourceBlacklist"]) ?? []);
    }

    public bool IsSourcePermitted(string repoUrl)
    {
        var source = NormalizeGitUrl(repoUrl);
        var any = false;
        foreach (var repo in SourceRepos)
        {
            var pattern = IsDeny(repo) ? "!" + NormalizeGitUrl(repo[1..]) : NormalizeGitUrl(repo);
            var matched = Match(pattern, source, allowNegation: true, '/');
            if (matched)
            {
                any = true;
            }
            else if (IsDeny(pattern))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>isDestinationMatched, with the cluster's server URL and name as Argo CD resolved them.</summary>
    public bool IsDestinationPermitted(string server, string name, string ns)
    {
        var any = false;
        foreach (var item in Destinations)
        {
            var nameMatched = name.Length > 0 && Match(item.Name, name, allowNegation: true, null);
            var serverMatched = server.Length > 0 && Match(item.Server, server, allowNegation: true, null);
            var namespaceMatched = Match(item.Namespace, ns, allowNegation: true, null);
            if ((serverMatched || nameMatched) && namespaceMatched)
            {
                any = true;
            }
            else if ((!nameMatched && IsDeny(item.Name)) || (!serverMatched && IsDeny(item.Server) && namespaceMatched))
            {
                return false;
            }
            else if (!namespaceMatched && IsDeny(item.Namespace) && serverMatched)
            {
                return false;
            }
        }

        return any;
    }

    public bool IsKindPermitted(string group, string kind, string name, bool namespaced)
    {
        if (namespaced)
        {
            var white = NamespaceWhitelist is null || (NamespaceWhitelist.Count > 0 && InList(NamespaceWhitelist, group, kind, null));
            return white && !InList(NamespaceBlacklist, group, kind, null);
        }

        return InList(ClusterWhitelist, group, kind, name) && !InList(ClusterBlacklist, group, kind, name);
    }

    /// <summary>argo-cd util/git/git.go NormalizeGitURL: lower case, scp-style SSH as ssh://, no ".git" suffix.</summary>
    public static string NormalizeGitUrl(string repo)
    {
        repo = repo.Trim().ToLowerInvariant();
        if (ScpSsh().IsMatch(repo) && !repo.StartsWith("ssh://", StringComparison.Ordinal))
        {
            repo = repo[..repo.IndexOf(':', StringComparison.Ordinal)] + "/" + repo[(repo.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        repo = repo.EndsWith(".git", StringComparison.Ordinal) ? repo[..^4] : repo;
        return repo.StartsWith("ssh://", StringComparison.Ordinal) ? repo["ssh://".Length..] : repo;
    }

    // types.go isNamedResourceInList: a cluster-scoped entry may name objects too; an entry without a name matches all.
    private static bool InList(IReadOnlyList<KindPattern> list, string group, string kind, string? name) =>
        list.Any(item => ArgoGlob.FilePath(item.Kind, kind)
            && ArgoGlob.FilePath(item.Group, group)
            && (name is null || item.Name.Length == 0 || ArgoGlob.FilePath(item.Name, name)));

    // app_project_types.go globMatch: "!" negates when allowed, "*" matches everything.
    private static bool Match(string pattern, string value, bool allowNegation, char? separator) =>
        allowNegation && IsDeny(pattern)
            ? !ArgoGlob.Gobwas(pattern[1..], value, separator)
            : pattern == "*" || ArgoGlob.Gobwas(pattern, value, separator);

    private static bool IsDeny(string pattern) => pattern.StartsWith('!');

    private static string Text(JsonObject map, string key) => GitOpsObject.Text(map[key]) ?? "";

    private static List<KindPattern>? Kinds(JsonNode? node) =>
        node is JsonArray list
            ? list.OfType<JsonObject>().Select(k => new KindPattern(Text(k, "group"), Text(k, "kind"), Text(k, "name"))).ToList()
            : null;

    // argo-cd util/git/git.go sshURLRegex.
    [GeneratedRegex("^(ssh://)?([^/:]*?)@[^@]+$")]
    private static partial Regex ScpSsh();
}
