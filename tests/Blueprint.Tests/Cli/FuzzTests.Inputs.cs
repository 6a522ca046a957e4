using System.Diagnostics;
using System.Text;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// The seeded fuzzing of the other inputs: new-env's flags, backup's flags and files, kubeconfig shapes, durations,
/// --installed documents and a hand-edited config.json under new-app --update. Whatever the input, the CLI exits 0, 1, 2 or
/// (verify, backup) 4, never 3; every error line names a key, a flag or a file; nothing is written on failure; no output
/// shows the credentials the inputs carry. The cluster is a fake on 127.0.0.1 that refuses every request (401), so no
/// case waits on a network. BOOTSTRAP_FUZZ_SEED and BOOTSTRAP_FUZZ_CASES scale it as for the stack file.
/// </summary>
public sealed partial class FuzzTests
{
    private const string Secret = "fuzz-credential-never-shown";

    private static readonly int InputCases = StackFileCases / 10;

    private static readonly string[] Written = ["out", "plan"];

    private static readonly string[] Durations = ["0s", "1ms", "5s", "15m", "1h30m", "168h", "169h", "999999999h", "99999999h99999999m", "-5s", "",
        "5", "1d", "1.5s", "0x10s", "9999999999ms", "1h1h1h1h", "\u0000s", "1s ", "1ｓ", new string('9', 200) + "s"];

    private static readonly string[] Addresses = ["192.168.61.0/24", "192.168.61.1", "192.168.61.60", "192.168.61.70-192.168.61.89", "10.0.0.0/8",
        "192.168.40.0/24", "192.168.40.61", "::1", "fe80::/10", "192.168.61.300", "192.168.61.0/33", "0.0.0.0/0", "", "-", "1-2", "a,b",
        "x".PadRight(300, 'x'),
        "192.168.61.89-192.168.61.70", "192.168.61.255", "\u001b[2J"];

    [Fact]
    public void No_flag_file_or_document_of_the_other_commands_ends_in_an_internal_error()
    {
        var random = new Random(Seed);
        using var cluster = new FakeCluster();
        cluster.Refuse(401);
        var scratch = Repository.File("../" + Path.GetFileName(Repository.Path) + "-fuzz-inputs");
        Directory.CreateDirectory(scratch);
        var files = Files();
        var failures = new List<string>();
        var report = new List<string>();
        var kubeconfig = File.ReadAllText(cluster.Kubeconfig)
            .Replace("http://127.0.0.1", $"http://fuzz:{Secret}@127.0.0.1", StringComparison.Ordinal);
        var config = Repository.Read("gitops/apps/apps-dev/nginx/config.json");
        var secrets = TalosSecretsFixture.Yaml();
        const string installed = """{"talosVersion": "v1.13.9", "kubernetesVersion": "1.36.3", "kubeconfig": "[secret]"}""";

        Kind("new-env flags", InputCases * 6 / 10, i => NewEnvArguments(random));
        Kind("backup flags and files", InputCases, i =>
        {
            var (_, text) = MutateStackFile(secrets, random);
            File.WriteAllBytes(Path.Combine(scratch, "secrets.yaml"), text);
            File.WriteAllText(Path.Combine(scratch, "kubeconfig"), kubeconfig);
            var source = Pick(random, "-", Path.Combine(scratch, "secrets.yaml"), "/dev/zero", "/dev/null", scratch, Path.Combine(scratch, "none"));
            return [
                "backup", "--kubeconfig", Path.Combine(scratch, "kubeconfig"), "--stack", Pick(random, "dev", "ops", "", "../dev"),
                "--out",
                Pick(random, Path.Combine(scratch, "out"), Repository.File("vault/b"), "/dev/null", scratch, Repository.File("Pulumi.dev.yaml")),
                "--talos-secrets", source];
        }, stdin: () => Encoding.UTF8.GetString(MutateStackFile(secrets, random).Bytes));
        Kind("kubeconfig shapes", InputCases * 3 / 10, i =>
        {
            var (_, text) = MutateStackFile(KubeconfigShape(random, kubeconfig), random);
            File.WriteAllBytes(Path.Combine(scratch, "kubeconfig"), text);
            return ["verify", "--kubeconfig", Path.Combine(scratch, "kubeconfig"), "--stack", "dev", "--timeout", "0s"];
        });
        Kind("durations", InputCases * 3 / 10, i =>
        {
            File.WriteAllText(Path.Combine(scratch, "kubeconfig"), kubeconfig);
            return ["verify", "--kubeconfig", Path.Combine(scratch, "kubeconfig"), "--stack", "dev",
                "--timeout", Pick(random, Durations), "--interval", Pick(random, Durations)];
        });
        Kind("--installed documents", InputCases * 2, i =>
        {
            var (_, text) = MutateStackFile(Installed(random, installed), random);
            File.WriteAllBytes(Path.Combine(scratch, "outputs.json"), text);
            return ["plan", "dev", "--installed", Path.Combine(scratch, "outputs.json"), "--out", Path.Combine(scratch, "plan")];
        });
        Kind("config.json under new-app --update", InputCases * 6 / 10, i =>
        {
            var (_, text) = MutateStackFile(config, random);
            File.WriteAllBytes(Repository.File("gitops/apps/apps-dev/nginx/config.json"), text);
            return ["new-app", "dev", "nginx", "--update"];
        }, after: () => File.WriteAllText(Repository.File("gitops/apps/apps-dev/nginx/config.json"), config));

        Directory.Delete(scratch, recursive: true);
        log.WriteLine($"fuzz seed {Seed}: {string.Join("; ", report)}");
        Assert.True(failures.Count == 0, $"{failures.Count} failing case(s), seed {Seed}:\n{string.Join("\n\n", failures.Take(10))}");

        void Kind(string kind, int cases, Func<int, string[]> arguments, Func<string>? stdin = null, Action? after = null)
        {
            var clock = Stopwatch.StartNew();
            var outcomes = new SortedDictionary<int, int>();
            var (slowest, slowestCase, mostBytes, mostBytesCase) = (TimeSpan.Zero, 0, 0L, 0);
            for (var i = 0; i < cases; i++)
            {
                var args = arguments(i);
                ClearOutput();
                int exit;
                var one = Stopwatch.StartNew();
                var allocated = GC.GetTotalAllocatedBytes();
                try
                {
                    exit = CliApp.Run([.. args, "--root", Repository.Path], Out, Err, new StringReader(stdin?.Invoke() ?? ""));
                }
                catch (Exception e)
                {
                    failures.Add($"{kind} case {i}: threw {e}");
                    continue;
                }

                (slowest, slowestCase) = one.Elapsed > slowest ? (one.Elapsed, i) : (slowest, slowestCase);
                var bytes = GC.GetTotalAllocatedBytes() - allocated;
                (mostBytes, mostBytesCase) = bytes > mostBytes ? (bytes, i) : (mostBytes, mostBytesCase);

                outcomes[exit] = outcomes.GetValueOrDefault(exit) + 1;
                var problems = Problems(exit == ExitCodes.Unreachable ? ExitCodes.Invalid : exit, Out.ToString(), Err.ToString());
                if (exit == ExitCodes.Unreachable)
                {
                    // Cluster errors name the server (redacted) they could not use; that is their "where".
                    problems.RemoveAll(p => p.Contains("error: the Kubernetes API at http://[redacted]@127.0.0.1:", StringComparison.Ordinal));
                }

                if (exit != ExitCodes.Ok && (!Files().SetEquals(files) || Directory.Exists(Path.Combine(scratch, "out"))))
                {
                    problems.Add("it wrote files although it failed");
                }

                if ((Out.ToString() + Err.ToString()).Contains(Secret, StringComparison.Ordinal))
                {
                    problems.Add("a credential of the input reached the output");
                }

                after?.Invoke();
                Restore(files, Path.Combine(scratch, "out"));
                foreach (var written in Written.Select(f => Path.Combine(scratch, f)).Where(Directory.Exists))
                {
                    Directory.Delete(written, recursive: true);
                }

                if (problems.Count > 0)
                {
                    var shown = string.Join(" ", args.Select(a => a.Length > 40 ? a[..40] + "…" : a));
                    failures.Add($"{kind} case {i}: {shown}: exit {exit}: {string.Join("; ", problems)}\n{Excerpt(Err.ToString())}");
                }
            }

            report.Add($"{kind}: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s (exit codes "
                + $"{string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"))}; slowest case {slowestCase} {slowest.TotalMilliseconds:0} ms, "
                + $"most allocated case {mostBytesCase} {mostBytes / 1024 / 1024} MiB)");
        }
    }

    private static string Pick(Random random, params string[] from) => from[random.Next(from.Length)];

    private static string[] NewEnvArguments(Random random)
    {
        var args = new List<string> { "new-env", Pick(random, "qa", "dev", "", "Q A", "../qa", new string('q', 70), "qa\u0007") };
        foreach (var (flag, values) in new (string, string[])[]
                 {
                     ("--from", ["dev", "ops", "nope", "", "../dev"]),
                     ("--cidr", Addresses), ("--gateway", Addresses), ("--vip", Addresses), ("--pool", Addresses),
                     ("--hosts", ["pve1,pve2,pve3", "", ",", "pve1,,pve2", "a b", new string('h', 300)]),
                     ("--vm-id-base", ["100", "0", "-1", "999999999999", "abc", "2147483647", ""]),
                     ("--domain", ["qa.lab.internal", "", "..", "-a.b", "dev.lab.internal", "x".PadRight(300, 'x')]),
                     ("--bridge", ["vmbr0", "", "vmbr 1"]),
                     ("--vlan", ["60", "0", "4095", "-1", "x", "99999999999"]),
                     ("--nameservers", ["1.1.1.1", "", "1.1.1.1,,", "x", "::1"]),
                     ("--stage", ["dev", "ops", "nope", ""]),
                 })
        {
            // Mostly the valid lab request, so the rules past flag parsing are reached too.
            if (flag is "--cidr" or "--gateway" or "--vip" or "--pool" or "--from" && random.Next(3) > 0)
            {
                args.AddRange([flag, flag switch
                {
                    "--from" => "dev",
                    "--cidr" => "192.168.61.0/24",
                    "--gateway" => "192.168.61.1",
                    "--vip" => "192.168.61.60",
                    _ => "192.168.61.70-192.168.61.89",
                }]);
            }
            else if (random.Next(4) == 0 || flag is "--cidr" or "--gateway" or "--vip" or "--pool" or "--from")
            {
                args.AddRange([flag, Pick(random, values)]);
            }
        }

        return [.. args];
    }

    /// <summary>A kubeconfig reshaped before the line mutations: another server, an exec plugin, a user of another type.</summary>
    private static string KubeconfigShape(Random random, string kubeconfig) => random.Next(8) switch
    {
        0 => kubeconfig.Replace("server: http://", "server: ftp://", StringComparison.Ordinal),
        1 => kubeconfig.Replace("token:", "exec: {command: /nonexistent-plugin, apiVersion: client.authentication.k8s.io/v1beta1}\n      x:",
            StringComparison.Ordinal),
        2 => kubeconfig.Replace("current-context: fake", "current-context: other", StringComparison.Ordinal),
        3 => kubeconfig.Replace("user:\n", "user: [1, 2]\n  x:\n", StringComparison.Ordinal),
        4 => kubeconfig.Replace("server: ", "server: [", StringComparison.Ordinal),
        5 => kubeconfig + "\nclusters: []\n",
        _ => kubeconfig,
    };

    /// <summary>Stack outputs with versions of every JSON type.</summary>
    private static string Installed(Random random, string installed)
    {
        string Value() => Pick(random, "\"v1.13.9\"", "\"1.36.3\"", "null", "1.13", "true", "[]", "{}", "\"\"", "\"v99.0.0\"", "\"v1.12.0\"",
            "\"[secret]\"",
            "\"x\"", "1e400", "\"1.35.0\"");
        return random.Next(4) == 0
            ? Pick(random, "[]", "null", "\"x\"", "{}", "", "{\"talosVersion\": {\"a\": [[[[[[[[[[1]]]]]]]]]]}}", new string('[', 100))
            : installed.Replace("\"v1.13.9\"", Value(), StringComparison.Ordinal).Replace("\"1.36.3\"", Value(), StringComparison.Ordinal);
    }
}
