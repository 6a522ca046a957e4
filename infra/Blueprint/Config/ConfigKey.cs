namespace Bootstrap.Blueprint.Config;

/// <summary>Builds the dotted key paths users see in messages, e.g. <c>bootstrap:cluster.nodes.cp-2.ip</c>.</summary>
public static class ConfigKey
{
    public const string Namespace = "bootstrap";

    public static string Of(string key) => $"{Namespace}:{key}";

    public static string Child(string parent, string name) => $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
