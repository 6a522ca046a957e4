using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>Writes JSON nodes as YAML: keys in insertion order, strings quoted wherever YAML 1.1 or 1.2 would read them as another type.</summary>
public static class YamlWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithIndentedSequences()
        .WithEventEmitter(next => new MultilineLiteralEmitter(next))
        .Build();

    public static string Write(JsonNode? node) => Serializer.Serialize(ClrValues.From(node));

    /// <summary>Writes several documents separated by <c>---</c>, as Talos multi-document configs and Kubernetes manifests expect.</summary>
    public static string WriteAll(IEnumerable<JsonNode?> documents) =>
        string.Join("---\n", documents.Select(Write));

    /// <summary>Multi-line strings (embedded configs, PEM) read better and diff cleaner as literal blocks.</summary>
    private sealed class MultilineLiteralEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n'))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
