using System.Net;
using System.Net.Sockets;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli.Render;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>Finding helm and the pinned charts: the --charts folder, the cache, or a pull from the chart repository (served on 127.0.0.1).</summary>
public class ChartSourceTests
{
    [Fact]
    public async Task Missing_helm_is_named_with_the_way_to_get_it()
    {
        var (helm, problem) = await Helm.FindAt("/nonexistent/helm", CancellationToken.None);

        Assert.Null(helm);
        Assert.Contains("lint --render needs Helm 3: BOOTSTRAP_HELM=/nonexistent/helm does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helm_4_is_refused_because_Argo_CD_renders_with_Helm_3()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder().Write("helm", "#!/bin/sh\necho v4.1.4+g05fa379\n");
        File.SetUnixFileMode(folder.File("helm"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (helm, problem) = await Helm.FindAt(folder.File("helm"), CancellationToken.None);

        Assert.Null(helm);
        Assert.Contains("needs Helm 3 (Argo CD v3.4 renders with Helm 3.19), but", problem, StringComparison.Ordinal);
        Assert.Contains("is v4.1.4+g05fa379", problem, StringComparison.Ordinal);
    }

    [HelmFact]
    public async Task A_chart_in_the_charts_folder_is_used_as_packaged_or_as_a_folder()
    {
        var source = new ChartSource(Repo.Charts, Path.Combine(Path.GetTempPath(), "unused-cache"), await RealHelm());

        var packaged = await source.Locate(Template("cilium", "1.20.0", "https://helm.cilium.io"), CancellationToken.None);
        var folder = await source.Locate(Template("argo-cd", "10.1.1", "https://argoproj.github.io/argo-helm"), CancellationToken.None);

        Assert.Equal(Path.Combine(Repo.Charts, "cilium", "1.20.0", "cilium-1.20.0.tgz"), packaged.Path);
        Assert.Equal(Path.Combine(Repo.Charts, "argo-cd", "10.1.1", "argo-cd"), folder.Path);
    }

    [HelmFact]
    public async Task A_chart_missing_locally_is_pulled_once_into_the_cache_then_read_from_there()
    {
        var helm = await RealHelm();
        using var work = new TempFolder();
        var chart = Path.Combine(Repo.Charts, "reloader", "2.2.16", "reloader");
        var (exit, _, errors) = await helm.Run(["package", chart, "--destination", work.Path], CancellationToken.None);
        Assert.True(exit == 0, errors);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var repository = WireMockServer.Start(url);
        var index = "apiVersion: v1\nentries:\n  reloader:\n  - name: reloader\n    version: 2.2.16\n    apiVersion: v2\n"
            + $"    urls: [{url}/reloader-2.2.16.tgz]\n";
        repository.Given(Request.Create().WithPath("/index.yaml").UsingGet()).RespondWith(Response.Create().WithBody(index));
        repository.Given(Request.Create().WithPath("/reloader-2.2.16.tgz").UsingGet())
            .RespondWith(Response.Create().WithBody(File.ReadAllBytes(work.File("reloader-2.2.16.tgz"))));
        var cache = Path.Combine(work.Path, "cache");
        using var empty = new TempFolder();

        var (pulled, problem) = await new ChartSource(empty.Path, cache, helm).Locate(Template("reloader", "2.2.16", url), CancellationToken.None);
        var (cached, _) = await new ChartSource(null, cache, helm).Locate(Template("reloader", "2.2.16", url), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(Path.Combine(cache, "reloader", "2.2.16", "reloader-2.2.16.tgz"), pulled);
        Assert.Equal(pulled, cached);
        Assert.Single(repository.LogEntries, e => e.RequestMessage.Path == "/reloader-2.2.16.tgz");
    }

    [HelmFact]
    public async Task A_chart_neither_local_nor_pullable_is_an_error_naming_where_it_looked()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var repository = WireMockServer.Start(url);
        using var work = new TempFolder();

        var source = new ChartSource(work.Path, Path.Combine(work.Path, "cache"), await RealHelm());

        var (path, problem) = await source.Locate(Template("reloader", "9.9.9", url), CancellationToken.None);

        Assert.Null(path);
        Assert.Contains(
            $"chart reloader 9.9.9 is not in {Path.Combine(work.Path, "reloader", "9.9.9")} and pulling it from {url} failed:",
            problem,
            StringComparison.Ordinal);
    }

    private static async Task<Helm> RealHelm() =>
        (await Helm.FindAt(HelmSetup.Executable, CancellationToken.None)).Helm
        ?? throw new InvalidOperationException($"no Helm 3 at {HelmSetup.Executable}");

    private static HelmTemplate Template(string chart, string version, string repoUrl) =>
        new(RenderRole.ArgoCd, chart, chart, repoUrl, version, chart, "default", "1.36.3", [], [], null);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
