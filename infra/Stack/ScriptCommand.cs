using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Pulumi;
using Pulumi.Command.Local;

namespace Bootstrap.Stack;

/// <summary>A Blueprint local script as a pulumi-command local.Command: credentials only through its (secret) environment.</summary>
internal static class ScriptCommand
{
    public static Command Create(
        PlannedResource planned, LocalScript script, ResourceWiring wiring, Resource parent, Output<string>? talosconfig, Output<string>? kubeconfig)
    {
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
            args.Environment.Add(LocalScript.TalosconfigVariable, talosconfig ?? throw Missing(planned, "talosconfig"));
        }

        if (script.Credentials.HasFlag(ScriptCredentials.Kubeconfig))
        {
            args.Environment.Add(LocalScript.KubeconfigVariable, kubeconfig ?? throw Missing(planned, "kubeconfig"));
        }

        var options = wiring.Options(planned, parent);
        if (script.RunOnce)
        {
            options.IgnoreChanges = [LocalScript.CreateInput];
        }

        return wiring.Add(planned, new Command(planned.Name, args, options));
    }

    private static InvalidOperationException Missing(PlannedResource planned, string what) =>
        new($"{planned.Key} needs the {what}, which its component does not have");
}
