using System.Collections.Immutable;
using Pulumi.Testing;

namespace Bootstrap.Tests.Support;

/// <summary>What the providers would return: inputs echoed, plus the outputs the program reads (Talos secrets, kubeconfig, invoke results).</summary>
internal static class MockState
{
    public static (string? Id, object State) Resource(MockResourceArgs args)
    {
        var state = args.Inputs.ToBuilder();
        switch (args.Type)
        {
            case "talos:machine/secrets:Secrets":
                var pair = new Dictionary<string, object> { ["cert"] = "CERT", ["key"] = "KEY" };
                state["machineSecrets"] = new Dictionary<string, object>
                {
                    ["certs"] = new Dictionary<string, object> { ["etcd"] = pair, ["k8s"] = pair, ["k8sAggregator"] = pair, ["os"] = pair, ["k8sServiceaccount"] = new Dictionary<string, object> { ["key"] = "SA" } },
                    ["cluster"] = new Dictionary<string, object> { ["id"] = "ID", ["secret"] = "SECRET" },
                    ["secrets"] = new Dictionary<string, object> { ["bootstrapToken"] = "TOKEN", ["secretboxEncryptionSecret"] = "BOX" },
                    ["trustdinfo"] = new Dictionary<string, object> { ["token"] = "TRUSTD" },
                };
                state["clientConfiguration"] = new Dictionary<string, object> { ["caCertificate"] = "CA", ["clientCertificate"] = "CC", ["clientKey"] = "CK" };
                break;
            case "talos:cluster/kubeconfig:Kubeconfig":
                state["kubeconfigRaw"] = "apiVersion: v1\nkind: Config\n";
                break;
        }

        return ($"{args.Name}-id", state.ToImmutable());
    }

    public static object Call(MockCallArgs args) => args.Token switch
    {
        "talos:machine/getConfiguration:getConfiguration" => ImmutableDictionary<string, object>.Empty.Add("machineConfiguration", $"machine: {{type: {args.Args["machineType"]}}}").Add("id", "config"),
        "talos:client/getConfiguration:getConfiguration" => ImmutableDictionary<string, object>.Empty.Add("talosConfig", "context: talos").Add("id", "talosconfig"),
        "talos:cluster/getHealth:getHealth" => ImmutableDictionary<string, object>.Empty.Add("id", "healthy"),
        _ => args.Args,
    };
}
