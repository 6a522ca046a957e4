using System.Text.Json.Nodes;

namespace Bootstrap.Tests.Lab;

/// <summary>One resource in the stack's state after an update, as the engine records it.</summary>
internal sealed record StateEntry(
    string Name,
    string Type,
    JsonObject Inputs,
    object Outputs,
    string Id,
    bool Protect,
    bool Retain,
    IReadOnlyList<string> DependsOn,
    string? Parent);

/// <summary>The stack's state: what the next `pulumi up` diffs against and `pulumi destroy` deletes, in registration order.</summary>
internal sealed class StackState
{
    private readonly List<StateEntry> _entries = [];

    public IReadOnlyList<StateEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public StateEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    public void Add(StateEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
