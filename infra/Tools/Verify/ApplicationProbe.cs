namespace Bootstrap.Tools.Verify;

/// <summary>Every Argo CD Application is Synced and Healthy, and the core ones exist; core Applications are reported first.</summary>
public static class ApplicationProbe
{
    public const string Name = "applications";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        if (state.Applications is not { } applications)
        {
            return new ProbeResult(Name, "", [$"the Application CRD (argoproj.io/v1alpha1) is not installed: Argo CD is not running"], []);
        }

        var byName = applications.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var core in expected.CoreApplications)
        {
            if (!byName.TryGetValue(core, out var app))
            {
                missing.Add($"{core}: no Application in {expected.ArgoCdNamespace}");
            }
            else if (Problem(app) is { } problem)
            {
                missing.Add(problem);
            }
        }

        var rest = applications
            .Where(a => !expected.CoreApplications.Contains(a.Name))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        missing.AddRange(rest.Select(Problem).OfType<string>());
        var summary = $"{expected.CoreApplications.Count} core and {rest.Count} other Application(s) Synced and Healthy";
        return new ProbeResult(Name, summary, missing, []);
    }

    private static string? Problem(ObservedApplication app) =>
        app is { Sync: "Synced", Health: "Healthy" } ? null : $"{app.Name}: {app.Sync ?? "sync unknown"}, {app.Health ?? "health unknown"}";
}
