using System.CommandLine;
using Bootstrap.Tools.Apps;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Cli.Commands;

/// <summary>
/// <c>new-app &lt;env&gt; &lt;name&gt; --chart --repo --version [--host --port] [--ingress ...] [--egress ...]</c>: adds a self-service app
/// in three files; <c>--update</c> regenerates an existing app's access.yaml from its config.json.
/// </summary>
internal static class NewAppCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var environment = new Argument<string>("env") { Description = "Environment: an ApplicationSet apps-<env> exists (dev, ops, monitoring)." };
        var name = new Argument<string>("name") { Description = "App name: a DNS label; the Application is <env>-<name>." };
        var chart = new Option<string?>("--chart") { Description = "Helm chart name (required for a new app)." };
        var repo = new Option<string?>("--repo")
        {
            Description = "Helm repository URL (https); the environment's project must allow it (required for a new app).",
        };
        var version = new Option<string?>("--version") { Description = "Exact chart version (required for a new app)." };
        var ns = new Option<string?>("--namespace") { Description = "Target namespace. Default: <env>-<name>." };
        var podSecurity = new Option<string>("--pod-security")
        {
            Description = "Pod Security level of the namespace: restricted (default) or baseline.",
            DefaultValueFactory = _ => "restricted",
        };
        var host = new Option<string?>("--host")
        {
            Description = "Serve this host over HTTPS through the cluster's Gateway (e.g. myapp.dev.lab.internal); needs --port.",
        };
        var port = new Option<int?>("--port") { Description = "The Service port --host sends requests to." };
        var service = new Option<string?>("--service")
        {
            Description = "The Service --host sends requests to. Default: the app name (app-template's single Service).",
        };
        var ingress = new Option<string[]>("--ingress")
        {
            Description = "Also let in KIND:VALUE[:PORTS] (namespace, cidr, entity); repeatable.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var egress = new Option<string[]>("--egress")
        {
            Description = "Also let out to KIND:VALUE[:PORTS] (namespace, cidr, entity, fqdn), e.g. fqdn:api.github.com:443; repeatable.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var update = new Option<bool>("--update")
        {
            Description = "Regenerate the existing app's access.yaml from its config.json (after editing routes, ingress or egress there).",
        };
        var repoRoot = CommonOptions.Root();
        var command = new Command(
            "new-app",
            "Add a self-service app: writes gitops/apps/apps-<env>/<name>/config.json and access.yaml, and stacks/<env>/apps/<name>-values.yaml.")
        {
            environment, name, chart, repo, version, ns, podSecurity, host, port, service, ingress, egress, update, repoRoot,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repoRoot);
            var repository = new RepoDirectory(root);
            var env = result.GetValue(environment)!;
            var app = result.GetValue(name)!;
            foreach (var (what, value) in new[] { ("environment", env), ("app name", app) })
            {
                // Both become folder names and Kubernetes names: checked before anything is looked up with them.
                if (!NameRule.IsDnsLabel(value))
                {
                    throw new UsageException($"{what} '{value}': not a DNS-1123 label; use lowercase letters, digits and '-', "
                        + "at most 63 characters, starting and ending with a letter or digit");
                }
            }

            if (result.GetValue(update))
            {
                var given = new Option[] { chart, repo, version, ns, host, port, service }.Where(o => result.GetResult(o) is not null)
                    .Concat(new Option[] { ingress, egress }.Where(o => result.GetValue((Option<string[]>)o) is { Length: > 0 }))
                    .Select(o => o.Name)
                    .ToList();
                if (given.Count > 0)
                {
                    stderr.WriteLine(
                        $"error: --update regenerates access.yaml from config.json alone; {string.Join(", ", given)} cannot be given "
                        + "with it (edit config.json instead)");
                    return ExitCodes.Usage;
                }

                var (updated, refused) = NewApp.Update(env, app, repository);
                return refused.Count > 0 ? DiagnosticsReport.Print(refused, stderr) : Write(repository, updated, "Updated:", stdout, replace: true);
            }

            var findings = new List<Diagnostic>();
            var required = new[] { (chart, result.GetValue(chart)), (repo, result.GetValue(repo)), (version, result.GetValue(version)) };
            foreach (var (option, value) in required)
            {
                if (string.IsNullOrEmpty(value))
                {
                    findings.Add(FindingId.NewAppInput.At(
                        option.Name,
                        "is required for a new app",
                        $"give {option.Name} (or --update to regenerate an existing app's access.yaml)"));
                }
            }

            var routes = Route(result.GetValue(host), result.GetValue(port), result.GetValue(service) ?? app, findings);
            var peers = (Option<string[]> option) => (result.GetValue(option) ?? []).Select(text => NewApp.ParsePeer(option.Name, text)).ToList();
            var ingressPeers = peers(ingress);
            var egressPeers = peers(egress);
            findings.AddRange(ingressPeers.Concat(egressPeers).Select(p => p.Problem).OfType<Diagnostic>());
            if (findings.Count > 0)
            {
                return DiagnosticsReport.Print(findings, stderr);
            }

            var request = new NewAppRequest(
                env,
                app,
                result.GetValue(chart)!,
                result.GetValue(repo)!,
                result.GetValue(version)!,
                result.GetValue(ns),
                result.GetValue(podSecurity)!,
                routes,
                ingressPeers.Select(p => p.Peer!).ToList(),
                egressPeers.Select(p => p.Peer!).ToList());
            var (files, problems) = NewApp.Plan(request, repository);
            if (problems.Count > 0)
            {
                return DiagnosticsReport.Print(problems, stderr);
            }

            var exit = Write(repository, files, "Created:", stdout, replace: false);
            stdout.Write(NewApp.NextSteps(request, files, NewApp.SyncsAutomatically(repository, request.Environment)));
            return exit;
        });
        return command;
    }

    private static List<AppRoute> Route(string? host, int? port, string service, List<Diagnostic> findings)
    {
        if (host is null && port is null)
        {
            return [];
        }

        if (host is null || port is null)
        {
            findings.Add(FindingId.NewAppInput.At(
                host is null ? "--port" : "--host",
                "needs its partner",
                "give --host HOST and --port SERVICE_PORT together"));
            return [];
        }

        return [new AppRoute(host, service, port.Value)];
    }

    /// <summary>
    /// Writes every file or none, never outside the repository. A new app never overwrites a file (even one that appeared
    /// since the check); --update replaces only the app's generated access.yaml.
    /// </summary>
    private static int Write(
        RepoDirectory repository, IReadOnlyList<(string Path, string Content)> files, string heading, TextWriter stdout, bool replace)
    {
        var created = new List<string>();
        try
        {
            foreach (var (path, content) in files)
            {
                if (repository.LeavesRepository(path) is { } escape)
                {
                    throw new UsageException($"{path} {escape}; new-app writes only inside the repository");
                }

                var full = Path.Combine(repository.Root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using (var writer = new StreamWriter(new FileStream(full, replace ? FileMode.Create : FileMode.CreateNew, FileAccess.Write)))
                {
                    if (!replace)
                    {
                        created.Add(full);
                    }

                    writer.Write(content);
                }
            }
        }
        catch
        {
            created.ForEach(File.Delete);
            throw;
        }

        stdout.WriteLine(heading);
        foreach (var (path, _) in files)
        {
            stdout.WriteLine($"  {path}");
        }

        return ExitCodes.Ok;
    }
}
