namespace Bootstrap.Tests.Lab;

/// <summary>What `pulumi destroy` did: each resource deleted, retained (dropped from the state only) or refused.</summary>
internal sealed record DestroyResult(IReadOnlyList<string> Deleted, IReadOnlyList<string> Retained, IReadOnlyList<string> Refused)
{
    public bool Succeeded => Refused.Count == 0;
}

/// <summary>
/// `pulumi destroy` as the engine runs it: deletes in antichains, dependents before what they depend on (a parent after its
/// children), in parallel within a chain (pulumi/pulumi pkg/resource/deploy/step_generator.go ScheduleDeletes). A protected
/// resource fails its delete step (pkg/resource/deploy/step.go DeleteStep.Apply) and the run stops after that chain;
/// a retained one is dropped from the state without a provider delete (retainOnDelete).
/// </summary>
internal static class Destroy
{
    public static DestroyResult Run(StackState state, LabState lab) => Run(state.Entries, lab);

    /// <summary>Deletes <paramref name="entries"/> (all of a stack, or what an update no longer registers) in the engine's order.</summary>
    /// <param name="state">
    /// The whole state the deletes run against (the Kubernetes provider's settings), when it is more than <paramref name="entries"/>.
    /// </param>
    public static DestroyResult Run(IReadOnlyList<StateEntry> entries, LabState lab, IReadOnlyList<StateEntry>? state = null)
    {
        var deleted = new List<string>();
        var retained = new List<string>();
        var refused = new List<string>();
        var remaining = entries.ToList();
        while (remaining.Count > 0)
        {
            var chain = remaining.Where(e => !remaining.Any(other => other.DependsOn.Contains(e.Name))).ToList();
            NodeLifecycleRules.CheckDeleteChain(chain, lab);
            foreach (var entry in chain)
            {
                if (entry.Protect || LabRules.UnreachableDelete(entry, state ?? entries, lab) is not null)
                {
                    refused.Add(entry.Name);
                }
                else if (entry.Retain)
                {
                    retained.Add(entry.Name);
                }
                else
                {
                    LabEffects.Delete(entry.Type, entry.Inputs, entry.Name, lab);
                    deleted.Add(entry.Name);
                }
            }

            if (refused.Count > 0 || chain.Count == 0)
            {
                break;
            }

            remaining.RemoveAll(chain.Contains);
        }

        return new DestroyResult(deleted, retained, refused);
    }
}
