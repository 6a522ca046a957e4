using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// Pulumi's stack-name rule (pulumi/pulumi sdk/go/common/tokens/stack_name.go ParseStackName): 1-100 letters, digits, '-',
/// '_' and '.'; checked before any lookup so a name never becomes a path ("." and ".." are refused too).
/// </summary>
public static partial class StackName
{
    public const int MaxLength = 100;

    public const string Rule = "a stack name is 1 to 100 letters, digits, '-', '_' or '.' (Pulumi's rule), e.g. dev";

    /// <summary>What is wrong with <paramref name="name"/> as a stack name, or null when it is one.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "a stack name may not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"a stack name cannot exceed {MaxLength} characters (this one has {name.Length})";
        }

        if (Invalid().Match(name) is { Success: true } bad)
        {
            var qualified = name.Split('/') is { Length: 3 } parts && parts.All(p => p.Length > 0)
                ? $"; for org/project/stack pass only the stack part, e.g. {parts[2]}"
                : "";
            return "a stack name may only contain alphanumeric, hyphens, underscores, or periods: "
                + $"invalid character '{bad.Value}' at position {bad.Index}{qualified}";
        }

        return name is "." or ".." ? "'.' and '..' name folders, not stacks" : null;
    }

    public static bool IsValid(string name) => Problem(name) is null;

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex Invalid();
}
