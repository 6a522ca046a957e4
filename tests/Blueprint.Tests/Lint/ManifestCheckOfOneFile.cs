using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>ManifestCheck on the dev stack with one more file under gitops/: the object a schema test is about.</summary>
public abstract class ManifestCheckOfOneFile
{
    protected const string File = "gitops/platform/test/object.yaml";

    protected static IReadOnlyList<Diagnostic> Check(string yaml) => Run(yaml).Findings;

    protected static (IReadOnlyList<Diagnostic> Findings, SchemaCoverage Coverage) Run(string yaml)
    {
        using var repository = new RepoCopy().Write(File, yaml);
        return ManifestCheck.Run(StackInput.Of("dev").Blueprint(), UpstreamSchemas.Set, repository);
    }
}
