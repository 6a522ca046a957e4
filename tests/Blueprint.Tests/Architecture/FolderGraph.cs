using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>
/// Which folder of infra/Blueprint uses which: compiled with Roslyn, every name in a file that binds to a type declared in
/// another folder is an edge. Semantic, so a property named like a type is not mistaken for it.
/// </summary>
internal sealed class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges, IReadOnlyDictionary<(string, string), IReadOnlySet<string>> because)
    {
        Edges = edges;
        Because = because;
    }

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    /// <summary>For each edge, the files and types that make it: "Rules/GitOpsLint.cs uses GitOpsTree".</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlySet<string>> Because { get; }

    public static FolderGraph Of(string sourceRoot)
    {
        var files = Directory.GetFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(
            File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), f))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(d => !Path.GetFileName(d).StartsWith("Bootstrap.", StringComparison.Ordinal)))
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Blueprint",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        string Folder(string path) => Path.GetRelativePath(sourceRoot, Path.GetDirectoryName(path)!).Replace('\\', '/');

        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var because = new Dictionary<(string, string), HashSet<string>>();
        foreach (var tree in trees)
        {
            var from = Folder(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is { } outer)
                {
                    type = outer;
                }

                var declared = type?.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath;
                if (declared is not null && Folder(declared) is var to && to != from)
                {
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
                    (because.TryGetValue((from, to), out var why) ? why : because[(from, to)] = new HashSet<string>(StringComparer.Ordinal))
                        .Add($"{Path.GetFileName(tree.FilePath)} uses {type!.Name}");
                }
            }
        }

        return new FolderGraph(
            edges.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal),
            because.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value));
    }

    /// <summary>Pairs of folders that reach each other (each pair once, ordered).</summary>
    public IReadOnlyList<(string, string)> Cycles()
    {
        var pairs = new SortedSet<(string, string)>();
        foreach (var (from, targets) in Edges)
        {
            foreach (var to in targets.Where(t => Reaches(t, from)))
            {
                pairs.Add(string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from));
            }
        }

        return [.. pairs];
    }

    private bool Reaches(string from, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var folder))
        {
            if (folder == target)
            {
                return true;
            }

            if (seen.Add(folder) && Edges.TryGetValue(folder, out var next))
            {
                foreach (var n in next)
                {
                    pending.Push(n);
                }
            }
        }

        return false;
    }
}
