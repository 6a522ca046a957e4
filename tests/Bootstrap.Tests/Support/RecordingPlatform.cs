using System.Collections.Concurrent;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Stack;
using Pulumi;

namespace Bootstrap.Tests.Support;

/// <summary>One resource as the program registered it: its arguments and the exact options it was given.</summary>
internal sealed record Registered(Resource Resource, string Name, ResourceArgs? Args, ResourceOptions Options);

/// <summary>
/// The real program with a stack transformation that records every resource's args and options (the mock engine reads
/// them: Pulumi's mocks see inputs only). A test may adjust the blueprint or change a resource's args to break a rule.
/// </summary>
internal sealed class RecordingPlatform : Platform
{
    private static readonly ConcurrentDictionary<string, Registered> Recorded = new(StringComparer.Ordinal);

    public RecordingPlatform()
        : base(
            new StackOptions
            {
                ResourceTransformations =
                {
                    args =>
                    {
                        Transform?.Invoke(args);
                        var name = args.Resource.GetResourceName();
                        if (!Recorded.TryAdd(name, new Registered(args.Resource, name, args.Args, args.Options)))
                        {
                            throw new InvalidOperationException($"two resources are named {name}");
                        }

                        return null;
                    },
                },
            },
            () => Blueprint ?? throw new InvalidOperationException("LabRun sets the blueprint before each run"))
    {
    }

    /// <summary>
    /// The blueprint of the next run, as <c>BlueprintSource.Load</c> would build it from the same config (maybe changed by the test).
    /// </summary>
    public static ClusterBlueprint? Blueprint { get; set; }

    /// <summary>Changes a resource's args or options for the next run.</summary>
    public static Action<ResourceTransformationArgs>? Transform { get; set; }

    public static IReadOnlyList<Registered> All => [.. Recorded.Values];

    public static Registered Find(string name) =>
        Recorded.TryGetValue(name, out var registered) ? registered : throw new InvalidOperationException($"{name} was never recorded");

    public static void Reset()
    {
        Recorded.Clear();
        Blueprint = null;
        Transform = null;
    }
}
