using System.CommandLine;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Commands;

/// <summary><c>new-app &lt;env&gt; &lt;name&gt; --chart --repo --version</c>: adds a self-service app in two files.</summary>
internal static class NewAppCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var environment = new Argument<string>("env") { Description = "Environment: an ApplicationSet apps-<env> exists (dev, ops, monitoring)." };
        var name = new Argument<string>("name") { Description = "App name: a DNS label; the Application is <env>-<name>." };
        var chart = new Option<string>("--chart") { Description = "Helm chart name.", Required = true };
        var repo = new Option<string>("--repo") { Description = "Helm repository URL (https); the environment's project must allow it.", Required = true };
        var version = new Option<string>("--version") { Description = "Exact chart version.", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "Target namespace. Default: <env>-<name>." };
        var podSecurity = new Option<string>("--pod-security") { Description = "Pod Security level of the namespace: restricted (default) or baseline.", DefaultValueFactory = _ => "restricted" };
        var repoRoot = CommonOptions.Root();
        var command = new Command("new-app", "Add a self-service app: writes gitops/apps/apps-<env>/<name>/config.json and stacks/<env>/apps/<name>-values.yaml.")
        {
            environment, name, chart, repo, version, ns, podSecurity, repoRoot,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repoRoot);
            var request = new NewAppRequest(
                result.GetValue(environment)!,
                result.GetValue(name)!,
                result.GetValue(chart)!,
                result.GetValue(repo)!,
                result.GetValue(version)!,
                result.GetValue(ns),
                result.GetValue(podSecurity)!);
            var repository = new RepoDirectory(root);
            var (files, findings) = NewApp.Plan(request, repository);
            if (findings.Count > 0)
            {
                return DiagnosticsReport.Print(findings, stderr);
            }

            stdout.WriteLine("Created:");
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content);
                stdout.WriteLine($"  {path}");
            }

            stdout.Write(NewApp.NextSteps(request, files, NewApp.SyncsAutomatically(repository, request.Environment)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
