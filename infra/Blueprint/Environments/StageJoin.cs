using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Renovate;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Environments;

/// <summary>renovate.json with the new environment in a rollout stage: the one of --stage &lt;env&gt;, else the first.</summary>
internal static class StageJoin
{
    public static ((string Path, string Before, string After)? Change, string? Stage, IReadOnlyList<Diagnostic> Problems) Of(
        NewEnvironmentRequest request, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var text = repository.ReadFile(RenovateSetup.File);
        if (text is null || RenovateSetup.Read(repository, findings) is not { } setup || findings.Any(f => f.Severity == Severity.Error))
        {
            return (null, null, request.Stage is null
                ? []
                : [Diagnostic.Error($"--stage {request.Stage}", $"{RenovateSetup.File} is missing or invalid", "restore it, or leave --stage out")]);
        }

        var stage = request.Stage is { } env ? setup.Stages.LastOrDefault(s => s.Covers(StackFile.NameFor(env))) : StageEdit.First(setup.Stages);
        if (stage is null)
        {
            var covered = StackFile.Stacks(repository).Where(s => setup.Stages.Any(st => st.Covers(StackFile.NameFor(s))));
            return (null, null, request.Stage is null
                ? []
                : [Diagnostic.Error(
                    $"--stage {request.Stage}",
                    "is an environment no rollout stage covers",
                    $"join the stage of one of: {string.Join(", ", covered)}")]);
        }

        var names = StageEdit.FilesOf(request.Name).Where(n => !stage.MatchFileNames.Contains(n)).ToList();
        var joined = stage.BranchPrefix.Trim('/', '-');
        return names.Count == 0 ? (null, joined, []) : ((RenovateSetup.File, text, StageEdit.AddFileNames(text, stage.Rule, names)), joined, []);
    }
}
