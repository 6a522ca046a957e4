using System.CommandLine;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Cli.Backup;
using Bootstrap.Cli.Cluster;
using Bootstrap.Tools.Backup;

namespace Bootstrap.Cli.Commands;

/// <summary>
/// <c>backup</c>: what a rebuild cannot recreate from Git: the sealed-secrets keys (every one, rotated ones too), Argo CD's
/// objects and settings, and an etcd snapshot, into one private folder with a manifest. Never prints key material.
/// </summary>
internal static class BackupCommand
{
    /// <summary>How long one request, and the kubeconfig's credential plugin, may take.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var kubeconfig = ClusterTarget.Kubeconfig();
        var output = new Option<DirectoryInfo>("--out")
        {
            HelpName = "DIR",
            Description = "New or empty folder for the backup (created 0700, files 0600).",
            Required = true,
        };
        var talosSecrets = new Option<string>(TalosSecretsInput.Option)
        {
            HelpName = "FILE|-",
            Description = "The stack's Talos machine secrets, to keep with the etcd snapshot: a file, or - for stdin "
                + "(pulumi stack output talosSecrets --show-secrets | ...). Without them a rebuild cannot restore the snapshot.",
        };
        var stack = ClusterTarget.StackOption();
        var repo = CommonOptions.Root();
        var command = new Command("backup", "Save the sealed-secrets keys, Argo CD's Applications, AppProjects, ApplicationSets and settings, "
            + "the Talos machine secrets and an etcd snapshot, for a vault.")
        {
            kubeconfig, output, talosSecrets, stack, repo,
        };
        command.SetAction(async (result, cancel) =>
        {
            var (folder, problem) = BackupFolder.Prepare(result.GetValue(output)!.FullName);
            if (folder is null)
            {
                stderr.WriteLine($"error: {problem}");
                return ExitCodes.Usage;
            }

            var (secrets, secretsExit, secretsProblems) = TalosSecretsInput.Read(result.GetValue(talosSecrets), stdin);
            if (secretsExit != ExitCodes.Ok)
            {
                secretsProblems.ToList().ForEach(p => stderr.WriteLine($"error: {p}"));
                return secretsExit;
            }

            var (target, exit) = await ClusterTarget.Load(result, stack, repo, kubeconfig, stderr, AttemptTimeout, cancel).ConfigureAwait(false);
            if (target is null)
            {
                return exit;
            }

            var keysNamespace = target.Blueprint.Addons.SealedSecretsNamespace;
            using var api = new ClusterApi(target.Config, retries: 3, AttemptTimeout);
            BackupObjects objects;
            try
            {
                objects = await BackupReader.Read(api, keysNamespace, target.Blueprint.Addons.Release(BootstrapReleases.ArgoCd).Namespace, cancel)
                    .ConfigureAwait(false);
            }
            catch (ClusterAccessException e)
            {
                stderr.WriteLine($"error: {e.Message}; nothing was written");
                return ExitCodes.Unreachable;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                stderr.WriteLine("backup: interrupted; nothing was written");
                return ExitCodes.Invalid;
            }

            if (objects.Keys.Count == 0)
            {
                stderr.WriteLine($"error: no Secret labelled {SealedSecretsKeys.KeyLabel} in {keysNamespace} at {api.Server}: "
                    + "a backup without the sealing keys cannot decrypt the SealedSecrets in Git, so nothing was written; "
                    + "check that the sealed-secrets controller runs in "
                    + $"{keysNamespace} (the sealed-secrets release's namespace) and has created its key");
                return ExitCodes.Invalid;
            }

            var keys = ClusterExport.List(objects.Keys);
            try
            {
                // The restore path reads this very file: prove now, while the cluster still exists, that it will accept it.
                SealedSecretsKeys.Render(keys, keysNamespace);
            }
            catch (BlueprintException e)
            {
                stderr.WriteLine($"error: the keys read from {keysNamespace} would not restore; nothing was written:");
                DiagnosticsReport.Print(e.Diagnostics, stderr);
                return ExitCodes.Invalid;
            }

            folder.Create();
            stdout.WriteLine($"backup {target.Stack} from {api.Server} to {folder.Path}/");
            Save(
                folder,
                BackupFiles.SealedSecretsKeys,
                keys,
                $"{objects.Keys.Count} key(s): {string.Join(", ", objects.Keys.Select(ClusterExport.NameOf))}",
                stdout);
            SaveKind(folder, BackupFiles.Applications, objects.Applications, "Application", stdout);
            SaveKind(folder, BackupFiles.AppProjects, objects.AppProjects, "AppProject", stdout);
            SaveKind(folder, BackupFiles.ApplicationSets, objects.ApplicationSets, "ApplicationSet", stdout);
            if (objects.Settings.Count > 0)
            {
                Save(
                    folder,
                    BackupFiles.ArgoCdSettings,
                    ClusterExport.Documents(objects.Settings),
                    string.Join(", ", objects.Settings.Select(ClusterExport.NameOf)),
                    stdout);
            }

            foreach (var missing in objects.MissingSettings)
            {
                stdout.WriteLine($"  not saved: ConfigMap {missing} does not exist");
            }

            if (secrets is null)
            {
                stdout.WriteLine($"  not saved: {BackupFiles.TalosSecrets} (pass {TalosSecretsInput.Option} -, piped from "
                    + $"`pulumi stack output talosSecrets --show-secrets`): without it a rebuild cannot restore the etcd snapshot");
            }
            else
            {
                Save(folder, BackupFiles.TalosSecrets, secrets.ToYaml(), "Talos machine secrets (talosctl gen secrets format)", stdout);
            }

            int snapshot;
            try
            {
                snapshot = await Snapshot(folder, target, stdout, stderr, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                stderr.WriteLine($"backup: interrupted during the etcd snapshot; {folder.Path} has no manifest.json and is incomplete");
                return ExitCodes.Invalid;
            }

            folder.Write(BackupFiles.Manifest, BackupManifest.Render(target.Stack, api.Server, DateTimeOffset.UtcNow, folder.Files), listed: false);
            stdout.WriteLine($"  {BackupFiles.Manifest,-28} sha256 and size of the {folder.Files.Count} file(s) above");
            stdout.WriteLine();
            stdout.WriteLine("Load the keys into the stack as a secret (for a rebuild):");
            stdout.WriteLine($"  {BackupFiles.RestoreKeysCommand(target.Stack, folder.Path)}");
            if (secrets is not null)
            {
                stdout.WriteLine("For a rebuild that keeps etcd, also load the Talos secrets and name the snapshot (remove it once rebuilt):");
                stdout.WriteLine($"  {BackupFiles.RestoreTalosSecretsCommand(target.Stack, folder.Path)}");
                stdout.WriteLine($"  {BackupFiles.RestoreEtcdCommand(target.Stack, folder.Path)}");
            }

            return snapshot;
        });
        return command;
    }

    private static void Save(BackupFolder folder, string name, string content, string what, TextWriter stdout)
    {
        folder.Write(name, content);
        stdout.WriteLine($"  {name,-28} {what}");
    }

    private static void SaveKind(
        BackupFolder folder, string name, IReadOnlyList<System.Text.Json.Nodes.JsonObject>? items, string kind, TextWriter stdout)
    {
        if (items is null)
        {
            stdout.WriteLine($"  not saved: the {kind} CRD is not installed");
        }
        else if (items.Count > 0)
        {
            Save(folder, name, ClusterExport.Documents(items), $"{items.Count} {kind}(s)", stdout);
        }
    }

    /// <summary>Runs talosctl when it is on PATH; otherwise prints the command for whoever holds the talosconfig.</summary>
    private static async Task<int> Snapshot(BackupFolder folder, ClusterTarget target, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var path = folder.PathOf(BackupFiles.EtcdSnapshot);
        var command = EtcdSnapshot.Command(target.Blueprint.Talos, path);
        if (Talosctl.Find() is not { } talosctl)
        {
            stdout.WriteLine($"  {BackupFiles.EtcdSnapshot,-28} not run: {EtcdSnapshot.Tool} is not on PATH; "
                + "run it where the talosconfig is, then keep the file with this backup:");
            stdout.WriteLine($"    {command}");
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"  {BackupFiles.EtcdSnapshot,-28} {command}");
        var code = await Talosctl.Run(talosctl, EtcdSnapshot.Arguments(target.Blueprint.Talos, path), stdout, stderr, cancel).ConfigureAwait(false);
        if (code != 0 || !File.Exists(path))
        {
            stderr.WriteLine($"error: {EtcdSnapshot.Tool} etcd snapshot failed (exit {code}); the other files were written; run it again: {command}");
            return ExitCodes.Invalid;
        }

        folder.Adopt(BackupFiles.EtcdSnapshot);
        return ExitCodes.Ok;
    }
}
