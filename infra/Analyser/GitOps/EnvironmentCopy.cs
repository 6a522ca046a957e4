using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.GitOps;

/// <summary>What an environment's copied files differ by: its name, the domain its Gateway serves and the Gateway's address.</summary>
public sealed record EnvironmentNames(string Name, string? Domain, string? GatewayAddress)
{
    /// <summary>The names of a stack's environment: the stack name, the domain of its Gateway's HTTPS listener
    /// (*.&lt;domain&gt;), its pinned address.</summary>
    public static EnvironmentNames Of(StackConfig config, ClusterView cluster)
    {
        var gateway = cluster.Objects.FirstOrDefault(o => o.Kind == "Gateway" && o.Name == Blueprint.Network.GatewayAddress.Name
            && GitOpsObject.Text(GitOpsObject.At(o.Body, "metadata", "namespace")) == Blueprint.Network.GatewayAddress.Namespace);
        var domain = (gateway?.Spec["listeners"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => GitOpsObject.Text(l["protocol"]) == "HTTPS")
            .Select(l => GitOpsObject.Text(l["hostname"]))
            .FirstOrDefault(h => h is not null && h.StartsWith("*.", StringComparison.Ordinal))?[2..];
        var address = Ipv4Range.TryParse(config.Cluster.Network.LoadBalancerPool, out _)
            ? Blueprint.Network.GatewayAddress.For(config.Cluster).ToString()
            : null;
        return new EnvironmentNames(config.Stack, domain, address);
    }
}

/// <summary>The files every environment holds a copy of, and how one copy becomes another's. Copies differ only by the environment's
/// name (as a word: gitops/clusters/dev, apps-dev, pool dev-gateway), domain and Gateway address, once <see cref="Masked"/> sets aside
/// the versions Renovate bumps per environment and the include lists. new-env writes a copy with <see cref="Rewrite"/> and lint
/// compares with it too, so what new-env writes always passes.</summary>
public static partial class EnvironmentCopy
{
    public const string Platform = "gitops/platform";

    /// <summary>
    /// An environment's copied files, each with the key its counterpart in another environment has: everything under its cluster
    /// folder (gitops.path) and under gitops/platform/&lt;component&gt;/&lt;env&gt;/.
    /// </summary>
    public static IReadOnlyList<(string Key, string Path)> Files(IRepository repository, string environment, string clusterPath)
    {
        var cluster = clusterPath.TrimEnd('/') + "/";
        var files = repository.ListFilesBelow(cluster.TrimEnd('/'), "*").Select(p => ($"cluster/{p[cluster.Length..]}", p));
        var platform = repository.ListFilesBelow(Platform, "*")
            .Select(p => (Path: p, Parts: p[(Platform.Length + 1)..].Split('/', 3)))
            .Where(p => p.Parts.Length == 3 && p.Parts[1] == environment)
            .Select(p => ($"platform/{p.Parts[0]}/{p.Parts[2]}", p.Path));
        return files.Concat(platform).DistinctBy(f => f.Item2).ToList();
    }

    /// <summary>Where an environment keeps the copy with this key.</summary>
    public static string PathFor(string key, string environment, string clusterPath) =>
        key.StartsWith("cluster/", StringComparison.Ordinal)
            ? $"{clusterPath.TrimEnd('/')}/{key["cluster/".Length..]}"
            : key.Split('/', 3) is [_, var component, var rest] ? $"{Platform}/{component}/{environment}/{rest}" : key;

    /// <summary><paramref name="text"/> as environment <paramref name="to"/> has it: <paramref name="from"/>'s name, domain and
    /// Gateway address replaced in one pass (the domain first, as it may contain the name). Git coordinate lines (repoURL,
    /// targetRevision, revision) never belong to an environment and stay as they are.</summary>
    public static string Rewrite(string text, EnvironmentNames from, EnvironmentNames to)
    {
        var alternatives = new List<string>();
        if (from.Domain is { } domain && to.Domain is not null)
        {
            alternatives.Add($"(?<domain>(?<![A-Za-z0-9-]){Regex.Escape(domain)}(?![A-Za-z0-9-]))");
        }

        if (from.GatewayAddress is { } address && to.GatewayAddress is not null)
        {
            alternatives.Add($@"(?<address>(?<![0-9.]){Regex.Escape(address)}(?![0-9]|\.[0-9]))");
        }

        alternatives.Add($"(?<name>(?<![A-Za-z0-9_]){Regex.Escape(from.Name)}(?![A-Za-z0-9_]))");
        var pattern = new Regex(string.Join('|', alternatives), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!GitCoordinate().IsMatch(lines[i]))
            {
                lines[i] = pattern.Replace(
                    lines[i], m => m.Groups["domain"].Success ? to.Domain! : m.Groups["address"].Success ? to.GatewayAddress! : to.Name);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The text with what may differ between environments set aside: pinned versions and directory include lists.</summary>
    public static string Masked(string path, string text)
    {
        var lines = text.Split('\n');
        foreach (var pin in Pins.Find(path, text).Where(p => p.Line >= 1 && p.Line <= lines.Length))
        {
            var line = lines[pin.Line - 1];
            var at = line.IndexOf(pin.Version, StringComparison.Ordinal);
            lines[pin.Line - 1] = at < 0 ? line : $"{line[..at]}<version>{line[(at + pin.Version.Length)..]}";
        }

        return string.Join('\n', lines.Select(l => IncludeLine().Match(l) is { Success: true } m ? $"{m.Groups["key"].Value} <include>" : l));
    }

    /// <summary>The entries of an Argo CD directory include line written as a brace list, "{a.yaml,b.yaml}" (or a single name).</summary>
    public static (string Key, IReadOnlyList<string> Entries)? IncludeEntries(string line)
    {
        var match = IncludeLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["value"].Value.Trim().Trim('"', '\'');
        var entries = value.StartsWith('{') && value.EndsWith('}') ? value[1..^1].Split(',', StringSplitOptions.TrimEntries) : [value];
        return (match.Groups["key"].Value, entries);
    }

    [GeneratedRegex(@"^\s*(-\s+)?(repoURL|repoUrl|targetRevision|revision)\s*:")]
    private static partial Regex GitCoordinate();

    [GeneratedRegex(@"^(?<key>\s*include\s*:)(?<value>.*)$")]
    private static partial Regex IncludeLine();
}
