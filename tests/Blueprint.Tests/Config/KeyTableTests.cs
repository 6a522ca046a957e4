using System.Reflection;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>KeyTable says what the binder does: the same keys, the same required ones, defaults and secrets.</summary>
public class KeyTableTests
{
    /// <summary>The records bound under each namespace key, walked down to every nested record.</summary>
    public static TheoryData<string> RecordKeys => [.. RecordShapes().Select(s => s.Path)];

    [Theory]
    [MemberData(nameof(RecordKeys))]
    public void Each_record_key_lists_the_record_fields_in_constructor_order(string path)
    {
        var type = RecordShapes().Single(s => s.Path == path).Type;

        Assert.Equal(ShapeCheck.KeysOf(type), KeyTable.ChildrenOf(path));
    }

    [Fact]
    public void The_bootstrap_keys_are_those_the_code_reads()
    {
        var constants = typeof(ConfigBinder).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(), KeyTable.TopLevel(ConfigKey.Namespace).Order());
        Assert.Equal(["endpoint", "insecure", "apiToken"], KeyTable.TopLevel("proxmoxve"));
        Assert.Equal(KeyTable.All.Count, KeyTable.All.Select(k => k.Path).Distinct().Count());
        Assert.All(KeyTable.All.Where(k => k.Parent is not null), k => Assert.Contains(KeyTable.All, p => p.Path == k.Parent));
    }

    /// <summary>Every key but a mapping's placeholder and gitopsCredentials' fields (ArgoCdSecretsTests: which pair is needed).</summary>
    public static TheoryData<string> Keys =>
        [.. KeyTable.All.Where(k => !k.IsPlaceholder && k.Parent != "bootstrap:gitopsCredentials").Select(k => k.Path)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_key_is_missing_exactly_when_the_table_says_it_is_required(string path)
    {
        var spec = KeyTable.Get(path);
        var input = StackInput.Of("dev");
        var concrete = Remove(input, path);

        var result = input.Bind();

        if (spec.Need == Need.Required)
        {
            Findings.SingleError(result.Diagnostics, concrete, "is missing");
        }
        else
        {
            Assert.True(result.Config is not null, $"{concrete} left out: {string.Join("\n", result.Diagnostics)}");
        }
    }

    [Fact]
    public void Every_optional_record_key_says_what_applies_without_it_and_record_defaults_are_the_documented_ones()
    {
        foreach (var (path, type) in RecordShapes())
        {
            foreach (var parameter in type.GetConstructors().Single().GetParameters())
            {
                var spec = KeyTable.Get(ConfigKey.Child(path, ShapeCheck.JsonName(parameter.Name!)));
                Assert.True(
                    (spec.Need == Need.Optional) == (spec.Default is not null),
                    $"{spec.Path}: an optional key documents its default, a required one none");
                if (parameter.HasDefaultValue && parameter.DefaultValue is { } value)
                {
                    Assert.Equal(value is bool flag ? (flag ? "true" : "false") : value.ToString(), spec.Default);
                }
            }
        }
    }

    public static TheoryData<string> Secrets => [.. KeyTable.All.Where(k => k.Secret).Select(k => k.Path)];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_key_holding_plain_text_is_an_error(string path)
    {
        var input = StackInput.Of("dev");
        var spec = KeyTable.Get(path);
        if (spec.Parent is { } parent)
        {
            input.Set(parent, new JsonObject { ["username"] = "git", [spec.Name] = "plain" });
        }
        else
        {
            input.Set(path, "plain");
        }

        Findings.SingleError(input.Bind().Diagnostics, path, "holds a secret in plain text");
    }

    [Fact]
    public void A_key_the_table_does_not_mark_secret_may_hold_plain_text()
    {
        var input = StackInput.Of("dev").Set(
            "bootstrap:gitopsCredentials", new JsonObject { ["username"] = "git", ["password"] = SecretValue.Marker("v1:c2VjcmV0") });

        Assert.DoesNotContain(input.Bind().Diagnostics, d => d.Problem.Contains("plain text", StringComparison.Ordinal));
        Assert.False(KeyTable.Get("bootstrap:gitopsCredentials.username").Secret);
    }

    /// <summary>Removes the key from the dev fixture (a placeholder segment is the node cp-1) and returns its concrete path.</summary>
    private static string Remove(StackInput input, string path)
    {
        var segments = path.Split('.');
        var concrete = string.Join('.', segments.Select(s => s.StartsWith('<') ? "cp-1" : s));
        if (segments.Length == 1)
        {
            input.Values.Remove(path);
            return concrete;
        }

        var node = input.Values[segments[0]]!;
        foreach (var segment in concrete.Split('.')[1..^1])
        {
            node = node[segment]!;
        }

        node.AsObject().Remove(concrete.Split('.')[^1]);
        return concrete;
    }

    /// <summary>Each record-typed key with its record: <c>bootstrap:cluster</c>, <c>…network</c>, <c>…nodes.&lt;hostname&gt;</c>.</summary>
    private static IEnumerable<(string Path, Type Type)> RecordShapes()
    {
        var pending = new Queue<(string, Type)>(
            [(ConfigKey.Of(ConfigBinder.Cluster), typeof(ClusterSettings)), (ConfigKey.Of(ConfigBinder.GitOps), typeof(GitOpsSettings))]);
        while (pending.TryDequeue(out var shape))
        {
            yield return shape;
            foreach (var parameter in shape.Item2.GetConstructors().Single().GetParameters())
            {
                var child = ConfigKey.Child(shape.Item1, ShapeCheck.JsonName(parameter.Name!));
                var type = parameter.ParameterType;
                var isMap = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);
                if (isMap && IsRecord(type.GetGenericArguments()[1]))
                {
                    pending.Enqueue((ConfigKey.Child(child, KeyTable.ChildrenOf(child).Single()), type.GetGenericArguments()[1]));
                }
                else if (IsRecord(type))
                {
                    pending.Enqueue((child, type));
                }
            }
        }
    }

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(ClusterSettings).Namespace;
}
