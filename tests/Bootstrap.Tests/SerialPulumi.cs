[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Bootstrap.Tests;

/// <summary>Pulumi's config comes from process-wide environment variables and the engine is a singleton: one run at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialPulumi
{
    public const string Name = "pulumi";
}
