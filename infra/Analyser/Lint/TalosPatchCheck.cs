using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// Every document of every machine-config patch against the config schema of the cluster's own Talos version, so a field
/// Talos dropped (1.13 removed machine.network) or misspelled fails here instead of at apply time on a half-built cluster.
/// </summary>
public static class TalosPatchCheck
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas)
    {
        var version = blueprint.Talos.TalosVersion;
        TalosSchema? talos;
        try
        {
            talos = schemas.Talos(version);
        }
        catch (SchemaFileException e)
        {
            return [FindingId.SchemaFileBroken.At(
                e.File,
                e.Problem,
                $"restore config.schema.json from siderolabs/talos {version} (see the schema folder's SOURCES.md)")];
        }

        if (talos is null)
        {
            var present = schemas.Versions("talos");
            return
            [
                FindingId.SchemaMissing.At(
                    Keys.Of("talosVersion"),
                    $"is {version}, but no schema folder has the Talos {version} schema: "
                    + $"looked for {schemas.Places($"talos/{version}/config.schema.json")}"
                    + schemas.WhyMissing($"talos/{version}"),
                    $"run lint where it can fetch it, or add pkg/machinery/config/schemas/config.schema.json of siderolabs/talos {version} "
                    + "to the mirror given with --schemas, "
                    + (present.Count > 0 ? $"or use a version it has: {string.Join(", ", present)}" : "which has no Talos schema at all")),
            ];
        }

        MachinePatch[] patches = [
            blueprint.Talos.Common, blueprint.Talos.ControlPlane, blueprint.Talos.Worker, .. blueprint.Nodes.Select(n => n.Patch)];
        var findings = new List<Diagnostic>();
        foreach (var patch in patches)
        {
            // Named like the file plan writes (out/<stack>/talos/node-cp-1.yaml), with the stack, since lint checks several at once.
            var name = $"talos patch {blueprint.Config.Stack}/{Path.GetFileNameWithoutExtension(PlanFiles.PatchFile(patch))}";
            foreach (var document in patch.Documents)
            {
                findings.AddRange(CheckDocument(name, document, talos));
            }
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> CheckDocument(string patch, JsonObject document, TalosSchema talos)
    {
        var kind = Text(document["kind"]);
        var documentName = Text(document["name"]);
        var where = kind is null
            ? $"{patch} ({TalosSchema.ConfigDefinition})"
            : $"{patch} ({kind}{(documentName is null ? "" : $" {documentName}")})";
        var schema = kind is null ? talos.Config : talos.ForKind(kind);
        if (schema is null)
        {
            return
            [
                FindingId.TalosPatch.At(
                    $"{where}: kind",
                    $"\"{kind}\" is not a Talos {talos.Version} config document kind",
                    $"use one of {string.Join(", ", talos.Kinds)}, or leave kind out for the v1alpha1 machine config"),
            ];
        }

        return SchemaViolation.Find(schema, document)
            .Select(v => FindingId.TalosPatch.At(
                $"{where}: {v.Where}",
                v.Problem,
                kind is null && MovedFields.TryGetValue(v.Path, out var moved) ? moved : v.Fix));
    }

    /// <summary>v1alpha1 fields Talos 1.13 moved into typed documents; a patch written for an older Talos still has them.</summary>
    private static readonly Dictionary<string, string> MovedFields = new(StringComparer.Ordinal)
    {
        ["machine.network"] = "Talos 1.13 moved host networking into typed documents: HostnameConfig, LinkConfig (addresses, routes), "
            + "Layer2VIPConfig, ResolverConfig",
        ["machine.time"] = "Talos 1.13 moved time servers into the TimeSyncConfig document",
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
