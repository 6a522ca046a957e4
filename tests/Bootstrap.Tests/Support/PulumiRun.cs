using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Stack;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Bootstrap.Tests.Support;

/// <summary>Runs the Pulumi program for a stack under mocks, with the stack file's config as Pulumi would pass it.</summary>
internal sealed class PulumiRun
{
    public const string ApiToken = "root@pam!ci=00000000-0000-0000-0000-000000000000";

    private PulumiRun(ClusterBlueprint blueprint, ImmutableArray<Resource> resources, IReadOnlyList<MockResourceArgs> created, IReadOnlyList<Registered> registered)
    {
        Blueprint = blueprint;
        Resources = resources;
        Created = created;
        Registered = registered;
    }

    public static string Root { get; } = RepoDirectory.FindRoot(AppContext.BaseDirectory);

    public ClusterBlueprint Blueprint { get; }

    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every resource the engine was asked to create, as the mock saw it.</summary>
    public IReadOnlyList<MockResourceArgs> Created { get; }

    public IReadOnlyList<Registered> Registered { get; }

    public Platform Stack => Resources.OfType<Platform>().Single();

    public static Dictionary<string, string> Config(string stack)
    {
        var (values, _) = StackFile.Read(Root, stack);
        var config = values.ToDictionary(p => p.Key, p => p.Value is JsonValue v ? v.ToString() : p.Value!.ToJsonString());
        config["proxmoxve:apiToken"] = ApiToken;
        return config;
    }

    public static async Task<PulumiRun> Of(string stack, Dictionary<string, string>? config = null, bool preview = false)
    {
        config ??= Config(stack);
        var secretKeys = config.Keys.Where(SecretValue.LooksSensitive).ToList();
        Environment.SetEnvironmentVariable(PulumiConfig.ConfigVariable, JsonSerializer.Serialize(config));
        Environment.SetEnvironmentVariable(PulumiConfig.SecretKeysVariable, JsonSerializer.Serialize(secretKeys));

        var created = new List<MockResourceArgs>();
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs args) =>
        {
            lock (created)
            {
                created.Add(args);
            }

            return MockState.Resource(args);
        });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => MockState.Call(args));
        mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns(Task.CompletedTask);

        RecordingPlatform.Recorded.Clear();
        var resources = await Deployment.TestAsync<RecordingPlatform>(mocks.Object, new TestOptions { IsPreview = preview, StackName = stack, ProjectName = "bootstrap" });
        var blueprint = Planner.Load(stack, PulumiConfig.Parse(JsonSerializer.Serialize(config), JsonSerializer.Serialize(secretKeys)), new RepoDirectory(Root));
        return new PulumiRun(blueprint, resources, created, [.. RecordingPlatform.Recorded]);
    }

    public IReadOnlyList<MockResourceArgs> OfType(string type) => Created.Where(r => r.Type == type).ToList();

    public MockResourceArgs Named(string name) => Created.Single(r => r.Name == name);

    public Registered RegisteredAs(string name) => Registered.Single(r => r.Name == name);

    public static Task<T> Value<T>(Output<T> output)
    {
        var done = new TaskCompletionSource<T>();
        output.Apply(v =>
        {
            done.TrySetResult(v);
            return v;
        });
        return done.Task;
    }
}
