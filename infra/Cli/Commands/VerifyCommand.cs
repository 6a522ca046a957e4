using System.CommandLine;
using System.Diagnostics;
using Bootstrap.Tools.Verify;
using Bootstrap.Cli.Cluster;

namespace Bootstrap.Cli.Commands;

/// <summary><c>verify</c>: polls the cluster until it is what the stack's Blueprint says (nodes, Cilium, LoadBalancer pool,
/// Gateway, Argo CD Applications, monitoring where it runs) or the timeout passes. Read-only; the probes are the Blueprint's.</summary>
internal static class VerifyCommand
{
    /// <summary>Each request may take this long (a small cluster answers in well under a second); two retries follow a failure.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How far the last poll may run past --timeout: one poll's requests, each bounded by <see cref="AttemptTimeout"/>.</summary>
    private static readonly TimeSpan PollGrace = TimeSpan.FromSeconds(60);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kubeconfig = ClusterTarget.Kubeconfig();
        var stack = ClusterTarget.StackOption();
        var timeout = new Option<string>("--timeout")
        {
            HelpName = "DURATION",
            Description = "Stop polling after this long (ms, s, m, h); 0s checks once.",
            DefaultValueFactory = _ => "15m",
        };
        var interval = new Option<string>("--interval")
        {
            HelpName = "DURATION",
            Description = "Wait this long between polls.",
            DefaultValueFactory = _ => "5s",
        };
        var repo = CommonOptions.Root();
        var command = new Command(
            "verify",
            "Wait until the cluster matches the stack: nodes Ready with their roles, Cilium on every node, the LoadBalancer pool allocating, "
            + "the Gateway at its pinned address, every Argo CD Application Synced and Healthy, and the monitoring stack ready with its targets up.")
        {
            kubeconfig, stack, timeout, interval, repo,
        };
        command.SetAction(async (result, cancel) =>
        {
            var limit = Duration.Parse("--timeout", result.GetValue(timeout), positive: false);
            var every = Duration.Parse("--interval", result.GetValue(interval), positive: true);

            // --timeout bounds the whole command: the credential plugin gets it (10s at least, for --timeout 0s), polling the rest.
            var (target, exit) = await ClusterTarget.Load(
                result, stack, repo, kubeconfig, stderr, limit > TimeSpan.Zero ? limit : AttemptTimeout, cancel).ConfigureAwait(false);
            if (target is null)
            {
                return exit;
            }

            var expected = ClusterExpectation.For(target.Blueprint);
            using var api = new ClusterApi(target.Config, retries: 2, AttemptTimeout);
            stdout.WriteLine($"verify {target.Stack} at {api.Server}: polling every {Duration.Format(every)} for up to {Duration.Format(limit)}");
            // The last poll may run past the limit (no request is cut short), by at most PollGrace: a plugin that hangs when
            // the token is refreshed blocks inside the client library, so the polling is abandoned at that hard deadline.
            var left = limit - target.KubeconfigTime;
            var hardLimit = left + PollGrace;
            try
            {
                return await Poll(api, expected, (limit, left), every, stdout, stderr, cancel)
                    .WaitAsync(hardLimit > TimeSpan.Zero ? hardLimit : PollGrace, cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                stderr.WriteLine($"error: the Kubernetes API at {api.Server} (or the kubeconfig's credential plugin) did not answer "
                    + $"within --timeout {Duration.Format(limit)}; check that the server and the plugin answer on their own");
                return ExitCodes.Unreachable;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                stderr.WriteLine("verify: interrupted before the cluster was healthy");
                return ExitCodes.Invalid;
            }
        });
        return command;
    }

    /// <summary>
    /// Polls until healthy or the deadline: no poll starts after it, and none is cut short (each request is bounded by
    /// <see cref="AttemptTimeout"/>), so even <c>--timeout 0s</c> probes once and reports what it saw.
    /// </summary>
    private static async Task<int> Poll(
        ClusterApi api,
        ClusterExpectation expected,
        (TimeSpan Limit, TimeSpan Left) time,
        TimeSpan every,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancel)
    {
        var (limit, left) = time;
        var clock = Stopwatch.StartNew();
        HealthReport? report = null;
        ClusterAccessException? failure;
        while (true)
        {
            try
            {
                report = HealthReport.Of(expected, await StateReader.Read(api, expected, cancel).ConfigureAwait(false));
                failure = null;
            }
            catch (ClusterAccessException e)
            {
                failure = e;
            }

            if (failure is null && report!.Healthy)
            {
                stdout.Write(report.Render());
                stdout.WriteLine($"verify: {expected.Stack} is healthy ({HealthReport.Clock(clock.Elapsed)})");
                return ExitCodes.Ok;
            }

            if (failure is { Transient: false } || clock.Elapsed + every > left)
            {
                break;
            }

            stdout.WriteLine(failure is null
                ? report!.ProgressLine(clock.Elapsed)
                : $"[{HealthReport.Clock(clock.Elapsed)}] {failure.Message}; retrying");
            await Task.Delay(every, cancel).ConfigureAwait(false);
        }

        if (report is not null)
        {
            stdout.Write(report.Render());
        }

        if (failure is not null)
        {
            stderr.WriteLine($"error: {failure.Message}{(report is null ? "" : " (the report above is from the last poll that got an answer)")}");
            return ExitCodes.Unreachable;
        }

        var failing = report!.Probes.Count(c => !c.Passed);
        stderr.WriteLine($"verify: {expected.Stack} is not healthy after {Duration.Format(limit)}: {failing} of {report.Probes.Count} "
            + "checks fail (see missing: above)");
        return ExitCodes.Invalid;
    }
}
