using System.Text;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli.Pins;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bootstrap.Blueprint.Tests.Lint.Pins;

/// <summary>
/// lint's schemas follow the pins: every source a stack pins is fetched once (from a local server standing in for upstream),
/// cached by version, verified, and then checked against; what cannot be had is named with its URL.
/// </summary>
public class PinStoreTests
{
    private static readonly HttpClient Http = new();

    [SchemaFact]
    public async Task Every_pinned_source_is_fetched_once_into_an_empty_cache_and_lint_checks_the_exact_versions()
    {
        var dev = StackInput.Of("dev").Blueprint();
        using var upstream = Upstream(dev);
        using var cache = new TempFolder();

        var cold = Store(upstream.Url, cache.Path);
        await cold.Prepare(dev, Repo.Directory, CancellationToken.None);
        var (findings, coverage) = SchemaLint.Run(dev, cold.Schemas, Repo.Directory);
        var requests = Requests(upstream);

        var warm = Store(upstream.Url, cache.Path);
        await warm.Prepare(dev, Repo.Directory, CancellationToken.None);

        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(findings, f => f.Problem.Contains("nearest older", StringComparison.Ordinal));
        Assert.Contains("Kubernetes 1.36", coverage.Sources);
        Assert.Contains("cilium-crds v1.20.0", coverage.Sources);
        Assert.Contains("gateway-api v1.6.1", coverage.Sources);
        Assert.True(File.Exists(Path.Combine(cache.Path, "schemas", "talos", "v1.13.9", "config.schema.json")));
        Assert.True(File.Exists(Path.Combine(cache.Path, "charts", "cilium", "1.20.0", "cilium-1.20.0.tgz")));
        Assert.Equal(1, upstream.Requests("/cilium-1.20.0.tgz"));
        Assert.True(cold.Fetched > 10, $"fetched {cold.Fetched}");
        Assert.Equal(0, warm.Fetched);
        Assert.Equal(requests, Requests(upstream));
        // The stand-in Renovate package is not the one whose integrity is pinned: refused, named, not cached.
        Assert.Contains(
            $"fetching {upstream.Url}/registry.npmjs.org/renovate/-/renovate-{SchemaPins.RenovateVersion}.tgz failed: its sha512 is ",
            cold.Schemas.WhyMissing($"renovate/{SchemaPins.RenovateVersion}"),
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cache.Path, "schemas", "renovate")));
    }

    [SchemaFact]
    public async Task A_chart_bump_whose_package_is_reachable_passes_with_its_values_read_from_the_package()
    {
        // Renovate's PR: cilium 1.20.0 -> 1.20.1. The package (here 1.20.0's, served as 1.20.1) is all lint needs.
        using var repo = new TempFolder().CopyFrom(Repo.Root, "Pulumi.yaml", "Pulumi.dev.yaml", "gitops", "stacks");
        var app = Path.Combine(repo.Path, "gitops/clusters/dev/core/cilium.yaml");
        File.WriteAllText(app, File.ReadAllText(app).Replace("targetRevision: 1.20.0", "targetRevision: 1.20.1", StringComparison.Ordinal));
        var repository = new Repository.RepoDirectory(repo.Path);
        var dev = StackInput.Of("dev").Blueprint();
        using var upstream = new PinnedArtifacts()
            .Chart("https://helm.cilium.io", "cilium", "1.20.1", Path.Combine(Repo.Charts, "cilium", "1.20.0", "cilium-1.20.0.tgz"));
        using var cache = new TempFolder();
        var store = Store(upstream.Url, cache.Path, schemaMirror: UpstreamSchemas.Folder);

        await store.Prepare(dev, repository, CancellationToken.None);
        var findings = ValuesCheck.Check(dev, store.Schemas, repository);

        Assert.Empty(findings);
        Assert.Equal(1, upstream.Requests("/cilium-1.20.1.tgz"));
        Assert.Equal("1.20.1", store.Schemas.Chart("cilium", "1.20.1")?.Version);
    }

    [SchemaFact]
    public async Task A_source_that_cannot_be_had_is_an_error_naming_the_url_that_failed()
    {
        var dev = StackInput.Of("dev").Blueprint();
        using var upstream = new PinnedArtifacts();
        using var cache = new TempFolder();
        var store = Store(upstream.Url, cache.Path);

        await store.Prepare(dev, Repo.Directory, CancellationToken.None);
        var talos = Assert.Single(TalosPatchCheck.Check(dev, store.Schemas));
        var values = ValuesCheck.Check(dev, store.Schemas, Repo.Directory);

        Assert.Equal("bootstrap:cluster.talosVersion", talos.Key);
        Assert.Contains(
            $"fetching {upstream.Url}/raw.githubusercontent.com/siderolabs/talos/v1.13.9/pkg/machinery/config/schemas/config.schema.json"
            + " failed: HTTP 404",
            talos.Problem,
            StringComparison.Ordinal);
        Assert.Contains(values, f => f.Problem.Contains(
            $"fetching chart cilium 1.20.0 from https://helm.cilium.io failed: fetching {upstream.Url}/helm.cilium.io/index.yaml failed: HTTP 404",
            StringComparison.Ordinal));
        Assert.DoesNotContain(
            Directory.GetDirectories(cache.Path, "*", SearchOption.AllDirectories), d => Path.GetFileName(d).StartsWith(".fetch-",
                StringComparison.Ordinal));
    }

    [SchemaFact]
    public async Task Offline_nothing_is_requested_and_the_kubernetes_openapi_and_cilium_crds_fall_back_to_older_with_a_warning()
    {
        var dev = StackInput.Of("dev").Blueprint();
        using var upstream = new PinnedArtifacts();
        using var cache = new TempFolder();
        var store = Store(upstream.Url, cache.Path, schemaMirror: UpstreamSchemas.Folder, chartMirror: Repo.Charts, offline: true);

        await store.Prepare(dev, Repo.Directory, CancellationToken.None);
        var (findings, coverage) = SchemaLint.Run(dev, store.Schemas, Repo.Directory);

        Assert.Empty(upstream.Server.LogEntries);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        var kubernetes = Assert.Single(findings, f => f.Key == "bootstrap:cluster.kubernetesVersion");
        Assert.Equal(Severity.Warning, kubernetes.Severity);
        Assert.Contains("is 1.36.3", kubernetes.Problem, StringComparison.Ordinal);
        Assert.Contains("checked against Kubernetes 1.35, the nearest older minor", kubernetes.Problem, StringComparison.Ordinal);
        var cilium = Assert.Single(findings, f => f.Problem.Contains("cilium-crds v1.20.0", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, cilium.Severity);
        Assert.Contains("checked against cilium-crds-jsonschema v1.18.2, the nearest older release", cilium.Problem, StringComparison.Ordinal);
        Assert.Contains("Kubernetes 1.35", coverage.Sources);
    }

    [SchemaFact]
    public async Task A_missing_chart_version_never_falls_back_to_an_older_one()
    {
        using var repo = new TempFolder().CopyFrom(Repo.Root, "Pulumi.yaml", "Pulumi.dev.yaml", "gitops", "stacks");
        var app = Path.Combine(repo.Path, "gitops/clusters/dev/core/argocd.yaml");
        File.WriteAllText(app, File.ReadAllText(app).Replace("targetRevision: 10.1.1", "targetRevision: 10.1.2", StringComparison.Ordinal));
        var repository = new Repository.RepoDirectory(repo.Path);
        var dev = StackInput.Of("dev").Blueprint();
        using var cache = new TempFolder();
        var store = Store("http://127.0.0.1:9", cache.Path, schemaMirror: UpstreamSchemas.Folder, chartMirror: Repo.Charts, offline: true);

        await store.Prepare(dev, repository, CancellationToken.None);
        var values = ValuesCheck.Check(dev, store.Schemas, repository);
        var crds = ManifestCheck.Check(dev, store.Schemas, repository);

        var finding = Assert.Single(values);
        Assert.Equal("gitops/clusters/dev/core/argocd.yaml: spec.sources[chart].targetRevision", finding.Key);
        Assert.Contains("pins chart argo-cd 10.1.2, but its package is in no chart folder", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("not fetched from https://argoproj.github.io/argo-helm: lint runs offline", finding.Problem, StringComparison.Ordinal);
        Assert.Contains(crds, f => f.Severity == Severity.Error && f.Problem.Contains("pins argo-cd 10.1.2, whose package",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_package_whose_sha256_differs_from_the_index_is_refused_and_not_cached()
    {
        using var upstream = new PinnedArtifacts();
        upstream.File("https://charts.example/index.yaml",
            $"apiVersion: v1\nentries:\n  demo:\n  - version: 1.0.0\n    digest: {new string('0', 64)}\n    urls: [demo-1.0.0.tgz]\n")
            .File("https://charts.example/demo-1.0.0.tgz", "not the package");
        using var cache = new TempFolder();
        var fetch = new ChartFetch(new Download(Http, upstream.Url, TimeSpan.FromSeconds(10)), null);

        var problem = await fetch.Fetch("demo", "1.0.0", "https://charts.example", Path.Combine(cache.Path, "demo", "1.0.0"), CancellationToken.None);

        Assert.Contains($"fetching {upstream.Url}/charts.example/demo-1.0.0.tgz failed: its sha256 is ", problem, StringComparison.Ordinal);
        Assert.Contains($"but upstream publishes {new string('0', 64)}", problem, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cache.Path, "demo", "1.0.0")));
    }

    [Fact]
    public async Task A_download_over_its_size_bound_or_slower_than_its_timeout_fails_naming_the_url()
    {
        using var upstream = new PinnedArtifacts();
        upstream.File("https://big.example/file.json", new byte[2048]);
        upstream.Server.Given(Request.Create().WithPath("/slow.example/file.json").UsingGet())
            .RespondWith(Response.Create().WithBody("{}").WithDelay(TimeSpan.FromSeconds(3)));
        var download = new Download(Http, upstream.Url, TimeSpan.FromMilliseconds(300));

        var big = await Assert.ThrowsAsync<DownloadException>(() => download.Get("https://big.example/file.json", 1024, null,
            CancellationToken.None));
        var slow = await Assert.ThrowsAsync<DownloadException>(() => download.Get("https://slow.example/file.json", 1024, null,
            CancellationToken.None));

        Assert.StartsWith($"fetching {upstream.Url}/big.example/file.json failed: it is more than the 1024 bytes allowed", big.Message,
            StringComparison.Ordinal);
        Assert.Equal($"fetching {upstream.Url}/slow.example/file.json failed: no answer within 0 s", slow.Message);
    }

    /// <summary>Requests for everything but the Renovate package, which is refused (so asked for again) on every run.</summary>
    private static int Requests(PinnedArtifacts upstream) =>
        upstream.Server.LogEntries.Count(e => !e.RequestMessage.Path.Contains("registry.npmjs.org", StringComparison.Ordinal));

    private static PinStore Store(string mirror, string cache, string? schemaMirror = null, string? chartMirror = null, bool offline = false)
    {
        var download = new Download(Http, mirror, TimeSpan.FromSeconds(30));
        return new PinStore(schemaMirror, chartMirror, Path.Combine(cache, "schemas"), Path.Combine(cache, "charts"), offline, download,
            new ChartFetch(download, null));
    }

    /// <summary>Upstream as dev pins it, its files taken from the shared folders (Kubernetes 1.35's documents standing in for
    /// 1.36's, minimal Cilium CRDs that take any spec).</summary>
    private static PinnedArtifacts Upstream(ClusterBlueprint dev)
    {
        var upstream = new PinnedArtifacts();
        var shared = UpstreamSchemas.Folder;
        foreach (var chart in SchemaPins.Charts(dev, Repo.Directory))
        {
            var (package, _) = ChartPackage.In(Path.Combine(Repo.Charts, chart.Chart, chart.Version));
            upstream.Chart(chart.RepoUrl, chart.Chart, chart.Version, package!);
        }

        var schemas = new SchemaSet([shared], [Repo.Charts]);
        foreach (var pin in SchemaPins.For(dev, Repo.Directory, schemas))
        {
            foreach (var file in pin.Files)
            {
                var local = pin.Folder switch
                {
                    "kubernetes" => File.ReadAllBytes(Path.Combine(shared, "kubernetes", "1.35", file.Name)),
                    "renovate" => PinnedArtifacts.Pack(Path.Combine(shared, "renovate"), "package"),
                    CrdFamily.Cilium => Encoding.UTF8.GetBytes(CiliumCrd(file.Name)),
                    CrdFamily.CertManager or CrdFamily.GatewayApi => PinnedArtifacts.Concatenated(Path.Combine(shared, pin.Folder, pin.Version)),
                    _ => File.ReadAllBytes(Path.Combine(shared, pin.Folder, pin.Version, file.Name)),
                };
                upstream.File(file.Url, local);
            }
        }

        return upstream;
    }

    private static string CiliumCrd(string file)
    {
        var (kind, plural, version) = file switch
        {
            "ciliumnetworkpolicies.yaml" => ("CiliumNetworkPolicy", "ciliumnetworkpolicies", "v2"),
            "ciliumclusterwidenetworkpolicies.yaml" => ("CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies", "v2"),
            "ciliumloadbalancerippools.yaml" => ("CiliumLoadBalancerIPPool", "ciliumloadbalancerippools", "v2"),
            _ => ("CiliumL2AnnouncementPolicy", "ciliuml2announcementpolicies", "v2alpha1"),
        };
        return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
            + $"metadata:\n  name: {plural}.cilium.io\nspec:\n  group: cilium.io\n"
            + $"  names:\n    kind: {kind}\n    plural: {plural}\n  scope: Namespaced\n"
            + $"  versions:\n  - name: {version}\n    served: true\n    storage: true\n"
            + "    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          apiVersion:\n            type: string\n"
            + "          kind:\n            type: string\n          metadata:\n            type: object\n          spec:\n            type: object\n"
            + "            x-kubernetes-preserve-unknown-fields: true\n";
    }
}
