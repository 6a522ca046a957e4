using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Pulumi;
using Pulumi.Command.Local;

namespace Bootstrap.Stack;

/// <summary>A Blueprint local script as a pulumi-command local.Command: credentials only through its (secret) environment.</summary>
internal static class ScriptCommand
{
    public static Command Create(
        ScriptStep step, Resource parent, InputList<Resource> dependsOn, Output<string>? talosconfig = null, Output<string>? kubeconfig = null)
    {
        var script = step.Script;
        var args = new CommandArgs
        {
            Create = script.Script,
            Interpreter = { "/bin/bash", "-c" },
            Triggers = script.Triggers.Select(t => (Input<object>)t).ToList(),
        };
        if (script.DeleteScript is { } delete)
        {
            args.Delete = delete;
        }

        if (script.Credentials.HasFlag(ScriptCredentials.Talosconfig))
        {
            args.Environment.Add(LocalScript.TalosconfigVariable, talosconfig ?? throw Missing(step, "talosconfig"));
        }

        if (script.Credentials.HasFlag(ScriptCredentials.Kubeconfig))
        {
            args.Environment.Add(LocalScript.KubeconfigVariable, kubeconfig ?? throw Missing(step, "kubeconfig"));
        }

        var options = PlannedOptions.Custom(step.Resource, parent, dependsOn);
        if (script.RunOnce)
        {
            options.IgnoreChanges = [LocalScript.CreateInput];
        }

        return new Command(step.Resource.Name, args, options);
    }

    private static InvalidOperationException Missing(ScriptStep step, string what) =>
        new($"{step.Resource.Key} needs the {what}, which its component does not have");
}
