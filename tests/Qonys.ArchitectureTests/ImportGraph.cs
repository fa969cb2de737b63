using Mono.Cecil;

namespace Qonys.ArchitectureTests;

/// <summary>
/// Which part of a house uses which, read from the compiled assembly (Mono.Cecil, which NetArchTest reads with): every
/// type's signatures, attributes and method bodies, compiler-generated closures and state machines counted with the
/// type that declares them, and each compiled Razor view counted with the folder of its <c>.cshtml</c> file. A part is
/// the host, the platform or one module (<see cref="PartOf"/>); an edge A → B keeps one example, "type → type it uses".
/// Constants are copied into their users by the compiler and leave no reference, so they are not seen.
/// </summary>
internal sealed class ImportGraph
{
    readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    ImportGraph() { }

    public static ImportGraph Of(System.Reflection.Assembly assembly, string root)
    {
        var graph = new ImportGraph();
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in module.Types)
        {
            var from = PartOf(NamespaceOf(type, root), root);
            if (from is null) continue;
            foreach (var used in UsedBy(type))
            {
                var to = PartOf(NamespaceOf(used, root), root);
                if (to is null || to == from) continue;
                var targets = graph._edges.TryGetValue(from, out var t)
                    ? t
                    : graph._edges[from] = new(StringComparer.Ordinal);
                targets.TryAdd(to, $"{type.FullName} → {used.FullName}");
            }
        }
        return graph;
    }

    /// <summary>
    /// The parts that use each other in a circle: each strongly connected set of more than one part, sorted.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Circles()
    {
        // Tarjan's algorithm over the parts.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var circles = new List<IReadOnlyList<string>>();
        void Visit(string part)
        {
            index[part] = low[part] = index.Count;
            stack.Push(part);
            foreach (var next in Targets(part))
            {
                if (!index.ContainsKey(next)) { Visit(next); low[part] = Math.Min(low[part], low[next]); }
                else if (stack.Contains(next)) low[part] = Math.Min(low[part], index[next]);
            }
            if (low[part] != index[part]) return;
            var set = new List<string>();
            string member;
            do { member = stack.Pop(); set.Add(member); } while (member != part);
            if (set.Count > 1) circles.Add([.. set.Order(StringComparer.Ordinal)]);
        }
        foreach (var part in _edges.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(part)) Visit(part);
        return [.. circles.OrderBy(c => c[0], StringComparer.Ordinal)];
    }

    /// <summary>The edges inside a circle, each with its example, for the failure message.</summary>
    public IEnumerable<string> EdgesWithin(IReadOnlyList<string> circle) =>
        from part in circle
        from target in Targets(part)
        where circle.Contains(target)
        select $"{part} → {target} ({_edges[part][target]})";

    public bool Uses(string from, string to) => _edges.TryGetValue(from, out var t) && t.ContainsKey(to);

    IEnumerable<string> Targets(string part) =>
        _edges.TryGetValue(part, out var t) ? t.Keys.Order(StringComparer.Ordinal) : [];

    /// <summary>
    /// <c>Host</c>, <c>Platform</c> or <c>Modules.Xxx</c> for a namespace of the house; null outside it.
    /// </summary>
    internal static string? PartOf(string ns, string root)
    {
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(root.Length + 1)..].Split('.');
        return parts[0] switch
        {
            "Host" or "Platform" => parts[0],
            "Modules" when parts.Length > 1 => "Modules." + parts[1],
            _ => null,
        };
    }

    /// <summary>
    /// A type's namespace: that of its outermost declaring type, or for a compiled Razor view its file's folder.
    /// </summary>
    static string NamespaceOf(TypeReference type, string root)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        if (type.Namespace == "AspNetCoreGeneratedDocument" && type.Resolve() is { } view && ViewPath(view) is { } path)
            return root + string.Concat(path.Split('/')[..^1].Select(p => p.Length == 0 ? "" : "." + p));
        return type.Namespace;
    }

    /// <summary>
    /// The <c>/Folder/Page.cshtml</c> a compiled view was made from (its
    /// <c>RazorCompiledItemMetadata("Identifier")</c>).
    /// </summary>
    static string? ViewPath(TypeDefinition view) =>
        view.CustomAttributes
            .Where(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute")
            .Where(a => a.ConstructorArguments.Count == 2)
            .Where(a => (string)a.ConstructorArguments[0].Value == "Identifier")
            .Select(a => (string)a.ConstructorArguments[1].Value)
            .FirstOrDefault();

    /// <summary>
    /// Every type named by a type, its nested types (closures, state machines) and their members and bodies.
    /// </summary>
    static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null or GenericParameter: return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case TypeSpecification s: Add(s.ElementType); return;
                default: found.Add(t); return;
            }
        }
        void Attributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(x => x.Argument)))
                    if (arg.Value is TypeReference typeOf) Add(typeOf);
            }
        }
        void Method(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Add(a);
        }
        void Type(TypeDefinition t)
        {
            Attributes(t);
            Add(t.BaseType);
            foreach (var i in t.Interfaces) Add(i.InterfaceType);
            foreach (var g in t.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType);
            foreach (var f in t.Fields) { Attributes(f); Add(f.FieldType); }
            foreach (var p in t.Properties) { Attributes(p); Add(p.PropertyType); }
            foreach (var e in t.Events) Add(e.EventType);
            foreach (var m in t.Methods)
            {
                Attributes(m);
                Method(m);
                foreach (var p in m.Parameters) Attributes(p);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType);
                foreach (var h in m.Body.ExceptionHandlers) Add(h.CatchType);
                foreach (var op in m.Body.Instructions.Select(i => i.Operand))
                {
                    switch (op)
                    {
                        case TypeReference r: Add(r); break;
                        case MethodReference r: Method(r); break;
                        case FieldReference r: Add(r.DeclaringType); Add(r.FieldType); break;
                    }
                }
            }
            foreach (var n in t.NestedTypes) Type(n);
        }
        Type(type);
        return found;
    }
}
