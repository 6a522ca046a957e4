using Bootstrap.Stack;
using Pulumi;

namespace Bootstrap.Tests.Support;

/// <summary>One resource as the program registered it: its arguments and the exact options it was given.</summary>
internal sealed record Registered(Resource Resource, string Name, ResourceArgs? Args, ResourceOptions Options);

/// <summary>The real program with a stack transformation that records every resource's args and options.</summary>
internal sealed class RecordingPlatform : Platform
{
    public static readonly List<Registered> Recorded = [];

    public RecordingPlatform()
        : base(new StackOptions
        {
            ResourceTransformations =
            {
                args =>
                {
                    lock (Recorded)
                    {
                        Recorded.Add(new Registered(args.Resource, args.Resource.GetResourceName(), args.Args, args.Options));
                    }

                    return null;
                },
            },
        })
    {
    }
}
