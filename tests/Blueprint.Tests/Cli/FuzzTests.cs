using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;
using Xunit.Abstractions;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// Seeded fuzzing of the stack file and of the CLI arguments, run in-process: whatever the input, the CLI exits 0, 1 or 2
/// (never 3, an internal error), every error line names a key or an argument, no stack trace is printed, and nothing is
/// written unless it succeeded. A failing case prints its seed and number, so it can be replayed; BOOTSTRAP_FUZZ_SEED,
/// BOOTSTRAP_FUZZ_CASES, BOOTSTRAP_FUZZ_FILE (another repo file to mutate) and BOOTSTRAP_FUZZ_COMMAND=lint explore further
/// (CI runs the fixed seed on the stack file).
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper log) : CliSession
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("BOOTSTRAP_FUZZ_SEED"), out var seed) ? seed : 9;
    private static readonly int StackFileCases = int.TryParse(Environment.GetEnvironmentVariable("BOOTSTRAP_FUZZ_CASES"), out var cases)
        ? cases
        : 1000;
    private static readonly int ArgumentCases = StackFileCases * 3 / 10;
    private static readonly string Target = Environment.GetEnvironmentVariable("BOOTSTRAP_FUZZ_FILE") ?? "Pulumi.dev.yaml";
    private static readonly bool Lint = Environment.GetEnvironmentVariable("BOOTSTRAP_FUZZ_COMMAND") == "lint";

    private static readonly string[] Values =
    [
        "[]", "{}", "~", "null", "true", "no", "-1", "0", "1e9", "4096.0", "0x10", "017", "9999999999999999999999", ".inf", ".nan",
        "\"\"", "\"4096\"", "' 20'", "2024-01-02", "&a x", "*a", "*nope", "!!binary x", "!!int yes", "!custom 1", "[1, {a: 2}]",
        "{secure: v1:AAAA}", "\"\\e[31mred\"", "|\n      block", ">-", "<<: {a: 1}", "\"\\u0000\"", "'unclosed", "[unclosed", "{unclosed",
        "dev", "../../etc/passwd", "/etc/passwd", "gitops/clusters/ops", "controlplane", "192.168.40.300", "vmbr0", "x".PadRight(5000, 'x'),
    ];

    private static readonly string[] Noise = ["\t", "\0", "\u0007", "\u001b", "\r", "\uFFFE", "[", "]", "{", "}", ":", "- ", "&", "*", "!", "|",
        ">", "#", "'", "\"", "%", "@", "`", "---\n", "...\n", " "];

    [Fact]
    public void No_stack_file_or_argument_ends_in_an_internal_error_a_stack_trace_or_a_write()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var original = File.ReadAllText(Repository.File(Target));
        var scratch = Repository.File("../" + Path.GetFileName(Repository.Path) + "-fuzz-out");
        var files = Files();
        var outcomes = new SortedDictionary<int, int>();
        var failures = new List<string>();

        for (var i = 0; i < StackFileCases; i++)
        {
            var (what, bytes) = MutateStackFile(original, random);
            File.WriteAllBytes(Repository.File(Target), bytes);
            Judge($"stack file case {i} ({what})", Lint ? ["lint", "dev"] : ["plan", "dev", "--out", scratch]);
        }

        File.WriteAllText(Repository.File(Target), original);
        for (var i = 0; i < ArgumentCases; i++)
        {
            var args = Arguments(random, scratch);
            Judge($"argument case {i}: {string.Join(" ", args.Select(a => a.Length > 40 ? a[..40] + "…" : a))}", args);
        }

        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        log.WriteLine($"fuzz seed {Seed}: {StackFileCases} stack files + {ArgumentCases} argument lists in {clock.Elapsed.TotalSeconds:0.0} s; "
            + $"exit codes {string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failing case(s), seed {Seed}:\n{string.Join("\n\n", failures.Take(10))}");
        Assert.True(outcomes.Keys.Count >= 3, "the mutations should reach success, invalid input and usage errors");

        void Judge(string what, string[] args)
        {
            ClearOutput();
            int exit;
            try
            {
                exit = Run(args);
            }
            catch (Exception e)
            {
                failures.Add($"{what}: threw {e}");
                return;
            }

            outcomes[exit] = outcomes.GetValueOrDefault(exit) + 1;
            var problems = Problems(exit, Out.ToString(), Err.ToString());
            if (exit == ExitCodes.Ok)
            {
                Restore(files, scratch);
            }
            else if (Files() is var now && !now.SetEquals(files) || Directory.Exists(Path.Combine(scratch, "dev")))
            {
                problems.Add("it wrote files although it failed");
                Restore(files, scratch);
            }

            if (problems.Count > 0)
            {
                failures.Add($"{what}: exit {exit}: {string.Join("; ", problems)}\n{Excerpt(Err.ToString())}");
            }
        }
    }

    /// <summary>What is wrong with one run's outcome, as a user would see it.</summary>
    private static List<string> Problems(int exit, string stdout, string stderr)
    {
        var problems = new List<string>();
        if (exit is not (ExitCodes.Ok or ExitCodes.Invalid or ExitCodes.Usage))
        {
            problems.Add($"exit code {exit}");
        }

        if (StackTrace().IsMatch(stdout + stderr) || stderr.Contains("internal error", StringComparison.Ordinal))
        {
            problems.Add("a stack trace or internal error");
        }

        var errors = stderr.Split('\n')
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("error BP", StringComparison.Ordinal))
            .ToList();
        if (exit != ExitCodes.Ok && errors.Count == 0)
        {
            problems.Add("no error line");
        }

        problems.AddRange(errors.Where(l => !NamesSomething().IsMatch(l)).Select(l => $"an error naming no key or argument: {l}"));
        return problems;
    }

    private static (string What, byte[] Bytes) MutateStackFile(string original, Random random)
    {
        var lines = original.Split('\n').ToList();
        var what = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            if (lines.Count == 0)
            {
                lines.Add("");
            }

            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0: // a value of another type
                    var value = Values[random.Next(Values.Length)];
                    lines[at] = ValueOf().Replace(lines[at], m => $"{m.Groups[1].Value}{value}", 1);
                    what.Add($"value {value.Length} chars at line {at + 1}");
                    break;
                case 1: // a key inside a flow mapping gets another value
                    var inner = Values[random.Next(Values.Length)];
                    var matches = FlowEntry().Matches(lines[at]);
                    if (matches.Count > 0)
                    {
                        var m = matches[random.Next(matches.Count)];
                        lines[at] = lines[at][..m.Groups[2].Index] + inner + lines[at][(m.Groups[2].Index + m.Groups[2].Length)..];
                    }

                    what.Add($"flow value at line {at + 1}");
                    break;
                case 2:
                    lines.RemoveRange(at, Math.Min(random.Next(1, 4), lines.Count - at));
                    what.Add($"deleted from line {at + 1}");
                    break;
                case 3:
                    lines.InsertRange(at, lines.Skip(at).Take(random.Next(1, 4)).ToList());
                    what.Add($"duplicated from line {at + 1}");
                    break;
                case 4:
                    var text = string.Join('\n', lines);
                    lines = text[..random.Next(text.Length)].Split('\n').ToList();
                    what.Add("truncated");
                    break;
                case 5:
                    var noise = Noise[random.Next(Noise.Length)];
                    lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), noise);
                    what.Add($"inserted {Escape(noise)} in line {at + 1}");
                    break;
                case 6:
                    lines[at] = random.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                    what.Add($"re-indented line {at + 1}");
                    break;
                case 7:
                    var key = KeyOf().Match(lines[at]);
                    if (key.Success && key.Groups[1].Length > 0)
                    {
                        var c = random.Next(key.Groups[1].Length);
                        lines[at] = lines[at][..(key.Groups[1].Index + c)] + (char)random.Next('A', 'z') + lines[at][(key.Groups[1].Index + c + 1)..];
                    }

                    what.Add($"renamed key in line {at + 1}");
                    break;
                default: // raw bytes, possibly not UTF-8 at all
                    var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    for (var k = random.Next(1, 9); k > 0 && bytes.Length > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    return ($"{string.Join(", ", what.Append("random bytes"))}", bytes);
            }
        }

        return (string.Join(", ", what), Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private string[] Arguments(Random random, string scratch)
    {
        string Pick(params string[] from) => from[random.Next(from.Length)];
        string Name() => Pick(
            "dev", "ops", "prod", "", "../dev", "a/b/dev", "..", "dev\u001b[2J", "-", "--", new string('n', random.Next(90, 200)), "Dev", "dev.yaml");
        string PathArg() => Pick(scratch, Path.Combine(scratch, "deep", "er"), Repository.File("Pulumi.dev.yaml"), Repository.File("gitops"),
            Repository.File("missing"), "", "/dev/null", ".", "relative/out");
        var command = Pick("plan", "lint", "verify", "backup", "new-app", "plan", "plan", "bogus");
        var args = new List<string> { command };
        switch (command)
        {
            case "plan":
                args.Add(Name());
                break;
            case "lint":
                args.AddRange(Enumerable.Range(0, random.Next(3)).Select(_ => Name()));
                break;
            case "new-app":
                args.AddRange([Name(), Pick("web", "Web", "../x", "", "a".PadRight(70, 'a'), "nginx")]);
                break;
            default:
                break;
        }

        for (var n = random.Next(4); n > 0; n--)
        {
            switch (random.Next(10))
            {
                case 0: args.AddRange(["--out", PathArg()]); break;
                case 1: args.AddRange(["--installed", PathArg()]); break;
                case 2: args.AddRange(["--kubeconfig", PathArg()]); break;
                case 3: args.AddRange(["--stack", Name()]); break;
                case 4: args.AddRange(["--timeout", Pick("0s", "1h", "-5s", "9999999999h", "", "5")]); break;
                case 5: args.AddRange(["--schemas", PathArg()]); break;
                case 6: args.AddRange([
                    "--chart", Pick("web", ""), "--repo", Pick("https://charts.example.com", "ftp://x"), "--version", Pick("1.0.0", "")]); break;
                case 7: args.AddRange(["--namespace", Pick("kube-system", "web", "", "../x")]); break;
                case 8: args.Add(Pick("--bogus", "-x", "--out", "--stack")); break;
                default: args.AddRange(["--pod-security", Pick("baseline", "privileged", "")]); break;
            }
        }

        return [.. args];
    }

    private HashSet<string> Files() => Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).ToHashSet();

    /// <summary>Removes what a successful run wrote (its plan, a new app), so every case starts from the same repository.</summary>
    private void Restore(HashSet<string> files, string scratch)
    {
        foreach (var file in Files().Where(f => !files.Contains(f)))
        {
            File.Delete(file);
        }

        foreach (var folder in new[] { Repository.File("out"), scratch, Repository.File("relative") }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Excerpt(string text) => text.Length > 600 ? text[..600] + "…" : text;

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);

    [GeneratedRegex(@"^(\s*(- )?[A-Za-z0-9:_.-]+: ?)(.*)$")]
    private static partial Regex ValueOf();

    [GeneratedRegex(@"([A-Za-z]+): ([^,}]+)")]
    private static partial Regex FlowEntry();

    [GeneratedRegex(@"^\s*([A-Za-z0-9:_-]+):")]
    private static partial Regex KeyOf();

    [GeneratedRegex(@"(^|\n)\s+at [\w.<>`]+\(")]
    private static partial Regex StackTrace();

    /// <summary>
    /// "error BPnnn: WHERE: what" (a finding) or "error: WHERE: what" (a usage error), where WHERE is a key, a file (with line
    /// and column) or an argument; or an argument in quotes.
    /// </summary>
    [GeneratedRegex(@"^error(?: BP\d{3})?: (\S.{0,400}?: \S|.*'[^']*')")]
    private static partial Regex NamesSomething();
}
