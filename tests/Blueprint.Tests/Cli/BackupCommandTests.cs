using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using Bootstrap.Tools.Backup;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary><c>backup</c> against a fake API on 127.0.0.1, with PATH holding only a fake talosctl that records its arguments, or nothing.</summary>
[Collection(ReplacesPath.Name)]
[UnsupportedOSPlatform("windows")]
public sealed partial class BackupCommandTests : CliSession
{
    private const string KeysPath = "/api/v1/namespaces/kube-system/secrets";
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] KeyNames = ["sealed-secrets-key2w9bx", "sealed-secrets-keyk8d7q", "sealed-secrets-keyzz41m"];

    private readonly FakeCluster _fake = new();
    private readonly TempFolder _scratch = new();
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public BackupCommandTests()
    {
        // No folder of the real PATH: a talosctl installed on this machine must never run against the stack's addresses.
        Directory.CreateDirectory(_scratch.File("bin"));
        Environment.SetEnvironmentVariable("PATH", _scratch.File("bin"));
    }

    protected override void Dispose(bool disposing)
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _fake.Dispose();
        _scratch.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Inside the repository copy, so the golden output shows it as &lt;repo&gt;/vault/dev-backup.</summary>
    private string Folder => Repository.File("vault/dev-backup");

    private string Output => Out.ToString() + Err.ToString();

    private int Backup() => Run("backup", "--kubeconfig", _fake.Kubeconfig, "--out", Folder, "--stack", "dev");

    /// <summary>Key material the output must never show: each key's base64 and its decoded text.</summary>
    private static string KeyText(int i) => $"-----BEGIN PRIVATE KEY-----\nKEY-MATERIAL-{i}\n-----END PRIVATE KEY-----\n";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static JsonObject Key(string name, string label, int i) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "kube-system",
            ["uid"] = $"uid-{i}",
            ["resourceVersion"] = $"{1000 + i}",
            ["creationTimestamp"] = "2026-10-01T00:00:00Z",
            ["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "controller", ["operation"] = "Update" }),
            ["labels"] = new JsonObject { [SealedSecretsKeys.KeyLabel] = label },
        },
        ["type"] = "kubernetes.io/tls",
        ["data"] = new JsonObject { ["tls.crt"] = Base64($"CERT-{i}"), ["tls.key"] = Base64(KeyText(i)) },
    };

    /// <summary>Three keys (the active one and two a renewal retired), Argo CD's objects and settings.</summary>
    private void ServeCluster(int keys = 3)
    {
        _fake.Serve(
                KeysPath,
                DevClusterApi.List(KeyNames.Take(keys).Select((n, i) => Key(n, i == 0 ? "active" : "compromised", i))),
                labelSelector: SealedSecretsKeys.KeyLabel)
            .Serve("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications", DevClusterApi.List([
                DevClusterApi.Application("root", "Synced", "Healthy"),
                DevClusterApi.Application("cilium", "OutOfSync", "Healthy"),
            ]))
            .Serve("/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects", DevClusterApi.List([
                Argo("AppProject", "core"), Argo("AppProject", "default"),
            ]))
            .Serve("/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets", DevClusterApi.List([Argo("ApplicationSet", "apps-dev")]));
        foreach (var name in BackupFiles.ArgoCdConfigMaps)
        {
            _fake.Serve($"/api/v1/namespaces/argocd/configmaps/{name}", new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argocd", ["resourceVersion"] = "7", ["uid"] = $"uid-{name}" },
                ["data"] = new JsonObject { ["setting"] = $"{name}-value" },
            });
        }
    }

    private static JsonObject Argo(string kind, string name) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argocd", ["generation"] = 3, ["resourceVersion"] = "9" },
        ["spec"] = new JsonObject { ["description"] = name },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray() },
    };

    /// <summary>A talosctl that only writes its arguments down (one per line) and a stand-in snapshot; it sends nothing anywhere.</summary>
    private string FakeTalosctl(int exit = 0)
    {
        var record = _scratch.File("talosctl.args");
        _scratch.Write("bin/talosctl", $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{record}'\nprintf 'etcd-snapshot' > \"$3\"\nexit {exit}\n");
        File.SetUnixFileMode(_scratch.File("bin/talosctl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return record;
    }

    [Fact]
    public void Every_key_and_Argo_CD_is_saved_privately_with_a_manifest_and_the_restore_command()
    {
        ServeCluster();
        var record = FakeTalosctl();

        var exit = Backup();

        Assert.True(exit == ExitCodes.Ok, Output);
        Assert.Equal(
            [
                BackupFiles.Applications, BackupFiles.ApplicationSets, BackupFiles.AppProjects, BackupFiles.ArgoCdSettings,
                BackupFiles.EtcdSnapshot, BackupFiles.Manifest, BackupFiles.SealedSecretsKeys,
            ],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folder));
        Assert.All(Directory.GetFiles(Folder), f => Assert.Equal(Private, File.GetUnixFileMode(f)));

        Assert.Equal(
            [
                "etcd", "snapshot", Path.Combine(Folder, "etcd.snapshot"),
                "--nodes", "192.168.40.61", "--endpoints", "192.168.40.61,192.168.40.62,192.168.40.63",
            ],
            File.ReadAllLines(record));
        Assert.Contains($"3 key(s): {string.Join(", ", KeyNames)}", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_lists_every_other_file_with_its_true_checksum_and_size()
    {
        ServeCluster();
        FakeTalosctl();

        Assert.Equal(ExitCodes.Ok, Backup());

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, BackupFiles.Manifest)))!;
        Assert.Equal("dev", (string?)manifest["stack"]);
        Assert.Equal(_fake.Url, (string?)manifest["server"]);
        var listed = manifest["files"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(
            Directory.GetFiles(Folder).Select(Path.GetFileName).Where(n => n != BackupFiles.Manifest).Order(StringComparer.Ordinal),
            listed.Select(f => (string?)f["path"]));
        foreach (var file in listed)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder, (string)file["path"]!));
            Assert.Equal(BackupFile.Of("x", bytes).Sha256, (string?)file["sha256"]);
            Assert.Equal(bytes.LongLength, (long)file["size"]!);
        }
    }

    [Fact]
    public void The_keys_file_restores_every_key_through_SealedSecretsKeys_without_cluster_state()
    {
        ServeCluster();

        Assert.Equal(ExitCodes.Ok, Backup());

        var saved = File.ReadAllText(Path.Combine(Folder, BackupFiles.SealedSecretsKeys));
        Assert.StartsWith("apiVersion: v1\nkind: List\n", saved, StringComparison.Ordinal);
        foreach (var state in new[] { "resourceVersion", "uid", "managedFields", "creationTimestamp" })
        {
            Assert.DoesNotContain(state, saved, StringComparison.Ordinal);
        }

        var restored = YamlReader.ParseAll(SealedSecretsKeys.Render(saved, "kube-system"), "restored");
        Assert.Equal(KeyNames, restored.Select(d => (string?)d!["metadata"]!["name"]));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => Base64(KeyText(i))), restored.Select(d => (string?)d!["data"]!["tls.key"]));
    }

    [Fact]
    public void Argo_CD_objects_are_saved_without_cluster_state()
    {
        ServeCluster();

        Assert.Equal(ExitCodes.Ok, Backup());

        var applications = YamlReader.ParseAll(File.ReadAllText(Path.Combine(Folder, BackupFiles.Applications)), "applications");
        Assert.Equal(["cilium", "root"], applications.Select(a => (string?)a!["metadata"]!["name"]));
        Assert.All(applications, a =>
        {
            Assert.Equal("Application", (string?)a!["kind"]);
            Assert.Null(a["status"]);
            Assert.Null(a["metadata"]!["resourceVersion"]);
            Assert.Null(a["metadata"]!["uid"]);
        });
        var settings = YamlReader.ParseAll(File.ReadAllText(Path.Combine(Folder, BackupFiles.ArgoCdSettings)), "settings");
        Assert.Equal(["argocd-cm", "argocd-cmd-params-cm", "argocd-rbac-cm"], settings.Select(s => (string?)s!["metadata"]!["name"]));
        Assert.All(settings, s => Assert.Equal("ConfigMap", (string?)s!["kind"]));
        Assert.Equal(
            "apps-dev", (string?)YamlReader.Parse(File.ReadAllText(Path.Combine(Folder, BackupFiles.ApplicationSets)), "sets")!["metadata"]!["name"]);
    }

    [Fact]
    public void Key_material_and_the_token_are_never_printed()
    {
        ServeCluster();
        FakeTalosctl();

        Assert.Equal(ExitCodes.Ok, Backup());

        for (var i = 0; i < KeyNames.Length; i++)
        {
            Assert.DoesNotContain(Base64(KeyText(i)), Output, StringComparison.Ordinal);
            Assert.DoesNotContain($"KEY-MATERIAL-{i}", Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(FakeCluster.Token, Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_talosctl_on_PATH_the_snapshot_command_is_printed_and_not_run()
    {
        ServeCluster();

        Assert.Equal(ExitCodes.Ok, Backup());

        AssertGolden("backup-dev-without-talosctl");
        Assert.False(File.Exists(Path.Combine(Folder, BackupFiles.EtcdSnapshot)));
        Assert.DoesNotContain(BackupFiles.EtcdSnapshot, File.ReadAllText(Path.Combine(Folder, BackupFiles.Manifest)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_talosctl_fails_the_backup_after_the_other_files_are_written()
    {
        ServeCluster();
        FakeTalosctl(exit: 1);

        Assert.Equal(ExitCodes.Invalid, Backup());

        Assert.Contains("error: talosctl etcd snapshot failed (exit 1)", Err.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Folder, BackupFiles.SealedSecretsKeys)));
        Assert.True(File.Exists(Path.Combine(Folder, BackupFiles.Manifest)));
    }

    [Fact]
    public void Zero_keys_is_anError_and_nothing_is_written()
    {
        ServeCluster(keys: 0);
        FakeTalosctl();

        Assert.Equal(ExitCodes.Invalid, Backup());

        Assert.Contains(
            "error: no Secret labelled sealedsecrets.bitnami.com/sealed-secrets-key in kube-system", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
        Assert.False(File.Exists(_scratch.File("talosctl.args")));
    }

    [Fact]
    public void A_folder_holding_an_earlier_backup_is_refused()
    {
        ServeCluster();
        Repository.Write("vault/dev-backup/manifest.json", "{}");

        Assert.Equal(ExitCodes.Usage, Backup());
        Assert.Contains("is not empty; pass a new folder", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_named_and_nothing_is_written()
    {
        var kubeconfig = FakeCluster.Unreachable(_scratch, out var url);

        var exit = Run("backup", "--kubeconfig", kubeconfig, "--out", Folder, "--stack", "dev");

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains($"error: cannot reach the Kubernetes API at {url}", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
    }
}
