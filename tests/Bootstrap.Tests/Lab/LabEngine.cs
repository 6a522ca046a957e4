using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Support;
using Pulumi;
using Pulumi.Testing;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// The mock engine: Pulumi's mocks call it for every resource the program registers, in the order the SDK releases
/// them (a resource only after the resources it depends on were created). It diffs each against the previous state like
/// the engine does, checks the lab's rules for what would really run, applies the effects, and answers invokes like the
/// providers would. Anything the real lab would refuse stops the run with the rule and the error.
/// </summary>
internal sealed class LabEngine(LabState lab, ClusterBlueprint blueprint, StackState olds, bool preview) : IMocks
{
    private readonly Dictionary<string, Registration> _registered = new(StringComparer.Ordinal);
    private readonly List<(string Name, Operation Operation)> _operations = [];
    private readonly KubeconfigRenewal _renewal = new(lab, preview);

    public StackState News { get; } = new();

    public IReadOnlyList<(string Name, Operation Operation)> Operations
    {
        get
        {
            lock (_operations)
            {
                return [.. _operations];
            }
        }
    }

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var recorded = RecordingPlatform.Find(args.Name!);
        var dependsOn = await Names((Output<ImmutableArray<Resource>>)recorded.Options.DependsOn);
        var provider = args.Provider is { Length: > 0 } reference ? reference.Split("::")[^2] : null;
        var parent = recorded.Options.Parent?.GetResourceName();
        Registration registration;
        lock (_registered)
        {
            var direct = dependsOn.Concat(provider is null ? [] : [provider]).ToList();
            var after = direct.SelectMany(d => _registered.TryGetValue(d, out var earlier) ? earlier.After.Append(d) : [d])
                .ToHashSet(StringComparer.Ordinal);
            registration = new Registration(
                args.Type!,
                args.Name!,
                (JsonObject)Registration.ToJson(args.Inputs)!,
                provider,
                blueprint.Plan.Resources.SingleOrDefault(p => p.Name == args.Name),
                after,
                direct,
                parent,
                recorded.Options.Protect ?? false,
                recorded.Options.RetainOnDelete ?? false,
                recorded.Options.IgnoreChanges,
                (recorded.Options as CustomResourceOptions)?.ImportId);
            _registered[registration.Name] = registration;
        }

        var old = olds.Find(registration.Name);
        var operation = ProviderDiff.Compare(registration.Type, old?.Inputs, registration.Inputs, registration.IgnoreChanges);
        lock (_renewal)
        {
            operation = _renewal.Adjust(registration, old, operation);
        }

        lock (_operations)
        {
            _operations.Add((registration.Name, operation));
        }

        var component = registration.Type.StartsWith("bootstrap:", StringComparison.Ordinal);
        if (!component && operation is Operation.Replace && old!.Protect)
        {
            Fail(LabRules.ProtectedNotReplaced, registration,
                $"unable to replace resource {registration.Name} as it is currently marked for protection");
        }

        if (!component && !preview && operation is Operation.Create or Operation.Update or Operation.Replace)
        {
            lock (lab)
            {
                var context = new LabContext(lab, blueprint, Snapshot(), operation, old?.Inputs);
                foreach (var rule in LabRules.All)
                {
                    if (rule.Violation(registration, context) is { } violation)
                    {
                        Fail(rule.Id, registration, violation);
                    }
                }

                LabEffects.Apply(registration, context);
            }
        }

        var outputs = operation == Operation.Same ? old!.Outputs : Outputs(args, registration);
        var id = operation == Operation.Same ? old!.Id : $"{args.Name}-id";
        News.Add(new StateEntry(registration.Name, registration.Type, registration.Inputs, outputs, id, registration.Protect, registration.Retain,
            [.. registration.DependsOn, .. parent is null ? [] : new[] { parent }], parent));
        return (id, outputs);
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (lab)
        {
            lab.LiveCalls.Add(args.Token!);
        }

        return Task.FromResult<object>(args.Token switch
        {
            // Proxmox reads: the provider's data sources, allowed in a preview (read access).
            "proxmoxve:index/getVersion:getVersion" => Map(
                ("version", lab.Facts.ProxmoxVersion),
                ("release", string.Join('.', lab.Facts.ProxmoxVersion.Split('.').Take(2))),
                ("repositoryId", "abc"),
                ("id", "version")),
            "proxmoxve:index/getDatastores:getDatastores" => Map(
                ("nodeName", args.Args["nodeName"]),
                ("id", "datastores"),
                ("datastores", lab.Facts.Datastores[(string)args.Args["nodeName"]].Select(d => (object)Map(
                    ("id", d.Id), ("nodeName", args.Args["nodeName"]), ("type", d.Type), ("contentTypes", d.ContentTypes.ToImmutableArray<object>()),
                    ("enabled", true), ("active", true))).ToImmutableArray())),
            // Local computations of the Talos provider: machine and client configs from the inputs, no network.
            "talos:machine/getConfiguration:getConfiguration" => Map(("machineConfiguration", MachineConfiguration(args.Args)), ("id", "config")),
            "talos:client/getConfiguration:getConfiguration" => Map(("talosConfig", ClientConfiguration(args.Args)), ("id", "talosconfig")),
            _ => throw new LabFailure(
                LabRules.NoClusterInvokes,
                args.Token!,
                $"{args.Token} reads the live cluster{(preview ? " during a preview" : "")}: every preview and every update would run it"),
        });
    }

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;

    private Dictionary<string, Registration> Snapshot()
    {
        lock (_registered)
        {
            return new Dictionary<string, Registration>(_registered, StringComparer.Ordinal);
        }
    }

    private static void Fail(string rule, Registration registration, string message) => throw new LabFailure(rule, registration.Name, message);

    /// <summary>What the providers return: the inputs, plus the outputs the program reads.</summary>
    private ImmutableDictionary<string, object> Outputs(MockResourceArgs args, Registration registration)
    {
        var state = args.Inputs.ToBuilder();
        switch (args.Type)
        {
            case Types.Command when registration.Planned?.Kind == ResourceKind.InstalledSource && !preview:
                // pulumi-command local.Command stdout: the source the script prints (Blueprint Scripts/InstalledSource.cs).
                state["stdout"] = blueprint.Scripts[registration.Planned.Key].Script.Contains(blueprint.Addons.GatewayApiCrds.Url)
                    ? blueprint.Addons.GatewayApiCrds.Url
                    : "";
                break;
            case Types.Secrets:
                var pair = Map(("cert", "CERT"), ("key", "KEY"));
                state["machineSecrets"] = Map(
                    ("certs", Map(("etcd", pair), ("k8s", pair), ("k8sAggregator", pair), ("os", pair), ("k8sServiceaccount", Map(("key", "SA"))))),
                    ("cluster", Map(("id", "ID"), ("secret", "SECRET"))),
                    ("secrets", Map(("bootstrapToken", "TOKEN"), ("secretboxEncryptionSecret", "BOX"))),
                    ("trustdinfo", Map(("token", "TRUSTD"))));
                state["clientConfiguration"] = Map(("caCertificate", "CA"), ("clientCertificate", "CC"), ("clientKey", "CK"));
                break;
            case Types.Kubeconfig:
                state["kubeconfigRaw"] = Support.LabRun.Kubeconfig;
                break;
        }

        return state.ToImmutable();
    }

    /// <summary>The fields of a generated machine config the lab reads back (type, versions, install image), deterministic in the inputs.</summary>
    private static string MachineConfiguration(ImmutableDictionary<string, object> args)
    {
        var patches = ((IEnumerable<object>)args["configPatches"]).Cast<string>().ToList();
        var image = patches.SelectMany(p => p.Split('\n'))
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("image: ", StringComparison.Ordinal))?["image: ".Length..];
        return new JsonObject
        {
            ["machineType"] = (string)args["machineType"],
            ["clusterEndpoint"] = (string)args["clusterEndpoint"],
            ["kubernetesVersion"] = (string)args["kubernetesVersion"],
            ["talosVersion"] = (string)args["talosVersion"],
            ["installImage"] = image,
            // cluster.id of the machine secrets: the identity every node of one cluster shares (Talos v1alpha1 ClusterConfig.ClusterID).
            ["clusterId"] = ((IDictionary<string, object>)((IDictionary<string, object>)args["machineSecrets"])["cluster"])["id"] as string,
            ["patches"] = new JsonArray(patches.Select(p => (JsonNode)p).ToArray()),
        }.ToJsonString();
    }

    private static string ClientConfiguration(ImmutableDictionary<string, object> args) =>
        JsonSerializer.Serialize(new
        {
            context = args["clusterName"],
            endpoints = args.TryGetValue("endpoints", out var e) ? ((IEnumerable<object>)e).Cast<string>() : [],
            nodes = args.TryGetValue("nodes", out var n) ? ((IEnumerable<object>)n).Cast<string>() : [],
        });

    private static ImmutableDictionary<string, object> Map(params (string Key, object Value)[] fields) =>
        fields.ToImmutableDictionary(f => f.Key, f => f.Value);

    private static async Task<IReadOnlyList<string>> Names(Output<ImmutableArray<Resource>> resources) =>
        (await LabRun.Value(resources)).Select(r => r.GetResourceName()).ToList();
}
