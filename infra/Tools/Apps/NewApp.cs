using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Tools.Apps;

/// <summary>What a team asks for with <c>new-app</c>: the chart, and the network access its namespace needs beyond the baseline.</summary>
public sealed record NewAppRequest(
    string Environment,
    string Name,
    string Chart,
    string Repo,
    string Version,
    string? Namespace = null,
    string PodSecurity = "restricted",
    IReadOnlyList<AppRoute>? Routes = null,
    IReadOnlyList<AppPeer>? Ingress = null,
    IReadOnlyList<AppPeer>? Egress = null);

/// <summary>Self-service: the files that add an app to an environment (config.json, a values file, the generated access.yaml),
/// checked by lint's own rules, so what new-app writes lints clean. Duplicates, unknown environments, core namespaces and
/// privileged pods are refused.</summary>
public static class NewApp
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static (IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        NewAppRequest request, IRepository repository)
    {
        // The names become paths: anything but a DNS label is refused before a file is looked up with it.
        var badNames = new[] { ("environment", request.Environment), ("name", request.Name) }
            .Where(n => !NameRule.IsDnsLabel(n.Item2))
            .Select(n => FindingId.NewAppInput.At(
                $"{n.Item1} \"{n.Item2}\"",
                "is not a DNS-1123 label",
                "use lowercase letters, digits and '-', at most 63 characters"))
            .ToList();
        if (badNames.Count > 0)
        {
            return ([], badNames);
        }

        var findings = new List<Diagnostic>();
        var tree = GitOpsTree.Load(repository, findings);
        var environments = AppConfigRule.Environments(tree);
        if (!environments.Contains(request.Environment))
        {
            return ([], [FindingId.NewAppInput.At(
                $"environment \"{request.Environment}\"",
                "has no ApplicationSet",
                $"use one of: {string.Join(", ", environments)}")]);
        }

        var configFile = AppConfig.PathFor(request.Environment, request.Name);
        var valuesFile = AppConfig.ValuesFileFor(request.Environment, request.Name);
        foreach (var existing in new[] { configFile, valuesFile }.Where(repository.FileExists))
        {
            findings.Add(FindingId.NewAppInput.At(
                existing,
                "already exists",
                $"pick another name or edit the existing app {request.Environment}-{request.Name}"));
        }

        var fields = new JsonObject
        {
            ["name"] = request.Name,
            ["chart"] = request.Chart,
            ["repo"] = request.Repo,
            ["version"] = request.Version,
            ["namespace"] = request.Namespace ?? $"{request.Environment}-{request.Name}",
            ["podSecurity"] = request.PodSecurity,
        };
        AddList(fields, "routes", request.Routes, r => new JsonObject { ["host"] = r.Host, ["service"] = r.Service, ["port"] = r.Port });
        AddList(fields, "ingress", request.Ingress, PeerJson);
        AddList(fields, "egress", request.Egress, PeerJson);
        var config = new AppConfig(configFile, request.Environment, request.Name, fields);
        var schemaText = repository.ReadFile(AppConfig.SchemaFile)
            ?? throw new BlueprintException([FindingId.NewAppInput.At(AppConfig.SchemaFile, "does not exist", "restore it")]);
        findings.AddRange(AppConfigRule.ForApp(config, SchemaDocument.Parse(schemaText, AppConfig.SchemaFile), tree));
        findings.AddRange(ProjectAllows(tree, config));
        findings.AddRange(NetworkIsolationRule.UnansweredEgress(config, [.. tree.AppConfigs, config]));
        if (findings.Count > 0)
        {
            return ([], findings);
        }

        var values = $"""
            # {request.Environment}-{request.Name}: values for chart {request.Chart} {request.Version} from {request.Repo}.
            # Argo CD passes this file to the chart (ApplicationSet apps-{request.Environment}); the chart's values.yaml lists every option.
            {"{}"}

            """;
        return ([
            (configFile, fields.ToJsonString(Json) + "\n"), (valuesFile, values), (AppAccess.PathFor(config), AccessManifests.Render(config))], []);
    }

    /// <summary><c>new-app &lt;env&gt; &lt;name&gt; --update</c>: access.yaml regenerated from the app's config.json as it is now.</summary>
    public static (IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<Diagnostic> Diagnostics) Update(
        string environment, string name, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var tree = GitOpsTree.Load(repository, findings);
        var file = AppConfig.PathFor(environment, name);
        var config = tree.AppConfigs.FirstOrDefault(c => c.File == file);
        if (config is null)
        {
            return ([], [
                .. findings,
                FindingId.NewAppInput.At(
                    file, "does not exist", $"add the app first: new-app {environment} {name} --chart ... --repo ... --version ...")]);
        }

        var schemaText = repository.ReadFile(AppConfig.SchemaFile)
            ?? throw new BlueprintException([FindingId.NewAppInput.At(AppConfig.SchemaFile, "does not exist", "restore it")]);
        findings.AddRange(AppConfigRule.ForApp(config, SchemaDocument.Parse(schemaText, AppConfig.SchemaFile), tree));
        return findings.Count > 0 ? ([], findings) : ([(AppAccess.PathFor(config), AccessManifests.Render(config))], []);
    }

    /// <summary>
    /// A peer as the --ingress/--egress flags write it: <c>KIND:VALUE[:PORT,PORT...[/udp]]</c>, KIND one of namespace, cidr,
    /// entity, fqdn (e.g. namespace:dev-redis:6379, fqdn:api.github.com:443, cidr:192.168.40.10/32:53/udp, entity:world).
    /// </summary>
    public static (AppPeer? Peer, Diagnostic? Problem) ParsePeer(string flag, string text)
    {
        var parts = text.Split(':');
        var kinds = Enum.GetValues<PeerKind>().Select(k => k.ToString().ToLowerInvariant()).ToList();
        var kind = Enum.GetValues<PeerKind>().FirstOrDefault(k => k.ToString().Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        if (parts.Length is < 2 or > 3 || !kinds.Contains(parts[0].ToLowerInvariant()) || parts[1].Length == 0)
        {
            return (null, FindingId.NewAppInput.At(
                $"{flag} {text}",
                "is not KIND:VALUE[:PORTS]",
                $"write e.g. {flag} namespace:dev-redis:6379 or {flag} fqdn:api.github.com:443 (KIND: {string.Join(", ", kinds)})"));
        }

        var protocol = "TCP";
        var ports = new List<int>();
        if (parts.Length == 3)
        {
            var list = parts[2];
            if (list.EndsWith("/udp", StringComparison.OrdinalIgnoreCase))
            {
                protocol = "UDP";
                list = list[..^4];
            }

            foreach (var port in list.Split(','))
            {
                if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
                {
                    return (null, FindingId.NewAppInput.At(
                        $"{flag} {text}",
                        $"port \"{port}\" is not a number from 1 to 65535",
                        "list ports as 80,443 (add /udp for UDP)"));
                }

                ports.Add(number);
            }
        }

        return (new AppPeer(kind, parts[1], ports, protocol), null);
    }

    private static JsonObject PeerJson(AppPeer peer)
    {
        var json = new JsonObject { [peer.Kind.ToString().ToLowerInvariant()] = peer.Value };
        if (peer.Ports.Count > 0)
        {
            json["ports"] = new JsonArray(peer.Ports.Select(p => (JsonNode)p).ToArray());
        }

        if (peer.Protocol != "TCP")
        {
            json["protocol"] = peer.Protocol;
        }

        return json;
    }

    private static void AddList<T>(JsonObject fields, string key, IReadOnlyList<T>? items, Func<T, JsonObject> json)
    {
        if (items is { Count: > 0 })
        {
            fields[key] = new JsonArray(items.Select(i => (JsonNode)json(i)).ToArray());
        }
    }

    /// <summary>What happens after the files are committed, as new-app prints it.</summary>
    public static string NextSteps(NewAppRequest request, IReadOnlyList<(string Path, string Content)> files, bool automated)
    {
        var app = $"{request.Environment}-{request.Name}";
        var ns = request.Namespace ?? app;
        var dns = request.Routes is { Count: > 0 } routes
            ? $"\n     DNS: {string.Join(", ", routes.Select(r => r.Host))} need an A record to the Gateway address; "
                + "plan <cluster> prints the records."
            : "";
        var update = $"new-app {request.Environment} {request.Name} --update{dns}";
        var created = $"ApplicationSet apps-{request.Environment} creates Application {app} within 3 minutes (at once with the Git webhook)";
        var sync = automated
            ? $"{request.Environment} syncs automatically with self-heal; watch it with: argocd app get {app}"
            : $"{request.Environment} syncs by approval: an operator runs argocd app sync {app} (or syncs it in the UI)";
        return $"""
            Next:
              1. Put the chart's values in {files[1].Path}.
              2. Check: dotnet run --project infra/Cli -- lint --schemas ../shared/schemas
              3. Commit and open a pull request: git add {string.Join(" ", files.Select(f => f.Path))}
                 access.yaml isolates namespace {ns}; to allow more later, edit config.json and run: {update}
              4. After the merge, {created}.
              5. {sync}.

            """;
    }

    /// <summary>Whether the environment's ApplicationSet syncs its apps automatically.</summary>
    public static bool SyncsAutomatically(IRepository repository, string environment)
    {
        var tree = GitOpsTree.Load(repository, []);
        var appSet = tree.Objects.FirstOrDefault(o => o.Is("ApplicationSet") && o.Name == $"{AppConfig.EnvironmentPrefix}{environment}");
        return GitOpsObject.At(appSet?.Spec, "template", "spec", "syncPolicy", "automated") is not null;
    }

    private static IEnumerable<Diagnostic> ProjectAllows(GitOpsTree tree, AppConfig config)
    {
        var appSet = tree.Objects.First(o => o.Is("ApplicationSet") && ClusterView.Reads(o, config.File));
        var projectName = GitOpsObject.Text(GitOpsObject.At(appSet.Spec, "template", "spec", "project"));
        var project = tree.Objects.FirstOrDefault(o => o.Is("AppProject") && o.Name == projectName);
        var repos = GitOpsObject.Strings(project?.Spec["sourceRepos"]);
        if (project is not null && !repos.Any(pattern => Glob.Matches(pattern, config.Field("repo") ?? "")))
        {
            yield return FindingId.NewAppInput.At(
                $"--repo {config.Field("repo")}",
                $"project {projectName} does not allow this chart repository",
                $"add it to sourceRepos in {project.File} (a reviewed change), or use: {string.Join(", ", repos)}");
        }
    }
}
