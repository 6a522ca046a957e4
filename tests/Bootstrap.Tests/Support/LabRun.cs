using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Stack;
using Bootstrap.Tests.Lab;
using Pulumi;
using Pulumi.Testing;

namespace Bootstrap.Tests.Support;

/// <summary>
/// One `pulumi preview` or `pulumi up` of the real program against the simulated lab, with the stack file's config as
/// Pulumi would pass it and the state the previous run left. Failures are kept, not thrown, so tests can read them.
/// </summary>
internal sealed partial class LabRun
{
    public const string ApiToken = "root@pam!ci=00000000-0000-0000-0000-000000000000";

    /// <summary>A kubeconfig shaped like the one Talos hands out.</summary>
    public const string Kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n  - cluster: {server: 'https://192.168.40.60:6443'}\n";

    private LabRun(ClusterBlueprint blueprint, LabEngine engine, ImmutableArray<Resource> resources, string? failure, DestroyResult? removed = null)
    {
        Blueprint = blueprint;
        Operations = [
            .. engine.Operations,
            .. (removed?.Deleted ?? []).Select(n => (n, Operation.Delete)),
            .. (removed?.Retained ?? []).Select(n => (n, Operation.Retain))];
        State = engine.News;
        Resources = resources;
        Failure = failure;
        Registered = RecordingPlatform.All;
    }

    /// <summary>The fixture repository (tests/FixtureRepo), not the live stack files: a user's change to those never breaks the lab.</summary>
    public static string Root { get; } = Path.Combine(RepoDirectory.FindRoot(AppContext.BaseDirectory), "tests", "FixtureRepo");

    /// <summary>
    /// Blueprints are immutable: runs with the same stack and config share one (the program's own load is covered by BlueprintSourceTests).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Lazy<ClusterBlueprint>> Blueprints = new();

    public ClusterBlueprint Blueprint { get; }

    /// <summary>What the engine did with each registration, in order.</summary>
    public IReadOnlyList<(string Name, Operation Operation)> Operations { get; }

    public StackState State { get; }

    /// <summary>Every resource as the program registered it (args and options).</summary>
    public IReadOnlyList<Registered> Registered { get; }

    public Registered RegisteredAs(string name) => Registered.Single(r => r.Name == name);

    /// <summary>The inputs the engine received for a resource.</summary>
    public JsonObject Inputs(string name) => State.Find(name)?.Inputs ?? throw new InvalidOperationException($"{name} was not registered");

    public IReadOnlyList<StateEntry> OfType(string type) => State.Entries.Where(e => e.Type == type).ToList();

    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The run's error (rule and message), or null when it succeeded.</summary>
    public string? Failure { get; }

    /// <summary>The rule a failed run broke.</summary>
    public string? BrokenRule => Failure is null ? null : RuleTag().Match(Failure) is { Success: true } match ? match.Groups[1].Value : null;

    public Platform Stack => Resources.OfType<Platform>().Single();

    /// <summary>Every operation that changes something, as "update vm-cp-1".</summary>
    public IReadOnlyList<string> Changed =>
        Operations.Where(o => o.Operation != Operation.Same).Select(o => $"{o.Operation.ToString().ToLowerInvariant()} {o.Name}").ToList();

    public static Dictionary<string, string> Config(string stack)
    {
        var (values, _) = StackFile.Read(Root, stack);
        var config = PulumiConfigMap.Of(values);
        config["proxmoxve:apiToken"] = ApiToken;
        return config;
    }

    public static async Task<LabRun> Of(
        string stack,
        LabState lab,
        StackState? state = null,
        Dictionary<string, string>? config = null,
        bool preview = false,
        Func<ClusterBlueprint, ClusterBlueprint>? adjust = null,
        Action<ResourceTransformationArgs>? transform = null)
    {
        var (configJson, secretsJson) = UseConfig(config ?? Config(stack));
        RecordingPlatform.Reset();
        var blueprint = Blueprints.GetOrAdd(
            (stack, configJson),
            _ => new Lazy<ClusterBlueprint>(() => Planner.LoadForPulumi(stack, configJson, secretsJson, new RepoDirectory(Root)))).Value;
        blueprint = adjust?.Invoke(blueprint) ?? blueprint;
        RecordingPlatform.Blueprint = blueprint;
        RecordingPlatform.Transform = transform;
        lab.StartRun();
        var engine = new LabEngine(lab, blueprint, state ?? new StackState(), preview);
        try
        {
            var resources = await Deployment.TestAsync<RecordingPlatform>(
                engine, new TestOptions { IsPreview = preview, StackName = stack, ProjectName = "bootstrap" });
            if (preview || state is null)
            {
                return new LabRun(blueprint, engine, resources, null);
            }

            // After the program's registrations, the engine deletes what it no longer registers, dependents first.
            var gone = state.Entries.Where(e => engine.News.Find(e.Name) is null).ToList();
            var removed = Destroy.Run(gone, lab, state.Entries);
            NodeLifecycleRules.AfterUpdate(blueprint, removed, gone, lab);
            foreach (var entry in state.Entries.Where(e => removed.Refused.Contains(e.Name)))
            {
                engine.News.Add(entry);
            }

            return new LabRun(
                blueprint,
                engine,
                resources,
                removed.Succeeded
                    ? null
                    : removed.Refused.Select(n => state.Find(n)!)
                        .Select(e => LabRules.UnreachableDelete(e, state.Entries, lab) is { } why
                            ? $"[{LabRules.UnreachableClusterDelete}] unable to delete {e.Name}: {why}"
                            : null)
                        .FirstOrDefault(m => m is not null)
                      ?? $"[{LabRules.ProtectedNotDeleted}] unable to delete {string.Join(", ", removed.Refused)}: marked for protection",
                removed);
        }
        catch (Exception e)
        {
            return new LabRun(blueprint, engine, [], e.ToString());
        }
    }

    /// <summary>Sets the config as the language host passes it: PULUMI_CONFIG, and the keys that hold secrets.</summary>
    public static (string Config, string SecretKeys) UseConfig(Dictionary<string, string> config)
    {
        var configJson = JsonSerializer.Serialize(config);
        var secretsJson = JsonSerializer.Serialize(config.Keys.Where(SecretValue.LooksSensitive).ToList());
        Environment.SetEnvironmentVariable(PulumiConfig.ConfigVariable, configJson);
        Environment.SetEnvironmentVariable(PulumiConfig.SecretKeysVariable, secretsJson);
        return (configJson, secretsJson);
    }

    public static Task<T> Value<T>(Output<T> output)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        output.Apply(v =>
        {
            done.TrySetResult(v);
            return v;
        });
        return done.Task;
    }

    [GeneratedRegex(@"\[([a-z0-9-]+)\]")]
    private static partial Regex RuleTag();
}
