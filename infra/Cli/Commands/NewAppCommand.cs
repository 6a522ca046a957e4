using System.CommandLine;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

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
            foreach (var (what, value) in new[] { ("environment", result.GetValue(environment)!), ("app name", result.GetValue(name)!) })
            {
                // Both become folder names and Kubernetes names: checked before anything is looked up with them.
                if (!NameRule.IsDnsLabel(value))
                {
                    throw new UsageException($"{what} '{value}': not a DNS-1123 label; use lowercase letters, digits and '-', "
                        + "at most 63 characters, starting and ending with a letter or digit");
                }
            }

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

            Create(repository, files);
            stdout.WriteLine("Created:");
            foreach (var (path, _) in files)
            {
                stdout.WriteLine($"  {path}");
            }

            stdout.Write(NewApp.NextSteps(request, files, NewApp.SyncsAutomatically(repository, request.Environment)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Creates both files or neither: never overwrites one (even one that appeared since the check), never writes outside.</summary>
    private static void Create(RepoDirectory repository, IReadOnlyList<(string Path, string Content)> files)
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
                using (var writer = new StreamWriter(new FileStream(full, FileMode.CreateNew, FileAccess.Write)))
                {
                    created.Add(full);
                    writer.Write(content);
                }
            }
        }
        catch
        {
            created.ForEach(File.Delete);
            throw;
        }
    }
}
