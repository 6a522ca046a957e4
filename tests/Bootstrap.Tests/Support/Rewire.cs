using System.Collections.Immutable;
using Pulumi;

namespace Bootstrap.Tests.Support;

/// <summary>
/// Edits of the program's dependencies, as a later change to a component could make them: a stack transformation that
/// changes one resource's <c>dependsOn</c> (to break a rule of the lab on purpose). Keys are plan keys.
/// </summary>
internal static class Rewire
{
    /// <summary>The resource <paramref name="key"/> waits for exactly <paramref name="keys"/> (dropping an edge the plan has for a reason).</summary>
    public static Action<ResourceTransformationArgs> DependsOn(string key, params string[] keys) => args =>
    {
        if (args.Resource.GetResourceName() == Name(key))
        {
            args.Options.DependsOn = new InputList<Resource>();
            foreach (var dependency in keys)
            {
                args.Options.DependsOn.Add(RecordingPlatform.Find(Name(dependency)).Resource);
            }
        }
    };

    /// <summary>Every resource of <paramref name="stage"/> stops waiting for the resources of <paramref name="dependencyStage"/>.</summary>
    public static Action<ResourceTransformationArgs> Without(string stage, string dependencyStage) => args =>
    {
        if (Of(args.Resource.GetResourceName(), stage))
        {
            args.Options.DependsOn = ((Output<ImmutableArray<Resource>>)args.Options.DependsOn)
                .Apply(resources => resources.Where(r => !Of(r.GetResourceName(), dependencyStage)).ToImmutableArray());
        }
    };

    /// <summary>Both edits of a run, in order.</summary>
    public static Action<ResourceTransformationArgs> Both(Action<ResourceTransformationArgs>? first, Action<ResourceTransformationArgs>? second) =>
        args =>
        {
            first?.Invoke(args);
            second?.Invoke(args);
        };

    private static string Name(string key) => key.Replace('/', '-');

    /// <summary>Whether a resource belongs to a stage of the plan the run follows.</summary>
    private static bool Of(string name, string stage) =>
        RecordingPlatform.Blueprint?.Plan.Resources.Any(r => r.Name == name && r.Stage == stage) ?? false;
}
