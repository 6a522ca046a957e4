using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Tools.Environments;

/// <summary>renovate.json with the new environment in a rollout stage: the one of --stage &lt;env&gt;, else the first.</summary>
internal static class StageJoin
{
    public static ((string Path, string Before, string After)? Change, string? Stage, IReadOnlyList<Diagnostic> Problems) Of(
        NewEnvironmentRequest request, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var text = repository.ReadFile(RenovateSetup.File);
        if (text is null)
        {
            return (null, null, request.Stage is null
                ? []
                : [FindingId.NewEnvInput.At($"--stage {request.Stage}", $"{RenovateSetup.File} is missing", "restore it, or leave --stage out")]);
        }

        if (RenovateSetup.Read(repository, findings) is not { } setup || findings.Any(f => f.Severity == Severity.Error))
        {
            // All or nothing: an environment left out of every rollout stage would fail lint right after new-env wrote it.
            return (null, null, [
                .. findings.Where(f => f.Severity == Severity.Error),
                FindingId.NewEnvInput.At(
                    RenovateSetup.File,
                    "cannot be read, so the new environment cannot join a rollout stage; nothing was written",
                    $"fix {RenovateSetup.File} first (lint names what is wrong), then run new-env again")]);
        }

        var stage = request.Stage is { } env ? setup.Stages.LastOrDefault(s => s.Covers(StackFile.NameFor(env))) : StageEdit.First(setup.Stages);
        if (stage is null)
        {
            var covered = StackFile.Stacks(repository).Where(s => setup.Stages.Any(st => st.Covers(StackFile.NameFor(s))));
            return (null, null, request.Stage is null
                ? []
                : [FindingId.NewEnvInput.At(
                    $"--stage {request.Stage}",
                    "is an environment no rollout stage covers",
                    $"join the stage of one of: {string.Join(", ", covered)}")]);
        }

        var names = StageEdit.FilesOf(request.Name).Where(n => !stage.MatchFileNames.Contains(n)).ToList();
        var joined = stage.BranchPrefix.Trim('/', '-');
        return names.Count == 0 ? (null, joined, []) : ((RenovateSetup.File, text, StageEdit.AddFileNames(text, stage.Rule, names)), joined, []);
    }
}
