using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>A stack's config as the CLI reads it, ready to be broken one key at a time.</summary>
internal sealed class StackInput
{
    private StackInput(string stack, Dictionary<string, JsonNode?> values)
    {
        Stack = stack;
        Values = values;
    }

    public string Stack { get; }

    public Dictionary<string, JsonNode?> Values { get; }

    public JsonObject Cluster => (JsonObject)Values["bootstrap:cluster"]!;

    public JsonObject Network => (JsonObject)Cluster["network"]!;

    public JsonObject Nodes => (JsonObject)Cluster["nodes"]!;

    public JsonObject GitOps => (JsonObject)Values["bootstrap:gitops"]!;

    public static StackInput Of(string stack)
    {
        var (values, findings) = StackFile.Read(Repo.Root, stack);
        Assert.Empty(findings);
        return new StackInput(stack, values.ToDictionary(p => p.Key, p => p.Value?.DeepClone()));
    }

    public JsonObject Node(string name) => (JsonObject)Nodes[name]!;

    public StackInput Set(string key, JsonNode? value)
    {
        Values[key] = value;
        return this;
    }

    public BindResult Bind() => ConfigBinder.Bind(Stack, Values);

    /// <summary>PULUMI_CONFIG as the language host would pass this config: structured values as JSON text, the given secrets decrypted.</summary>
    public string AsPulumiConfig(params (string Key, string Plain)[] secrets)
    {
        var map = PulumiConfigMap.Of(Values);
        foreach (var (key, plain) in secrets)
        {
            map[key] = plain;
        }

        return System.Text.Json.JsonSerializer.Serialize(map);
    }

    public StackConfig Config()
    {
        var result = Bind();
        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public IReadOnlyList<Diagnostic> FindingsOf(IRule<ConfigContext> rule, IRepository? repository = null) =>
        rule.Findings(new ConfigContext(Config(), repository ?? Repo.Directory)).ToList();

    public ClusterBlueprint Blueprint(IRepository? repository = null) =>
        Planner.Load(Stack, Values, repository ?? Repo.Directory);

    /// <summary>Every finding a user would see: binder, rules and gitops checks.</summary>
    public IReadOnlyList<Diagnostic> Findings(IRepository? repository = null)
    {
        try
        {
            return Blueprint(repository).Warnings;
        }
        catch (BlueprintException e)
        {
            return e.Diagnostics;
        }
    }
}
