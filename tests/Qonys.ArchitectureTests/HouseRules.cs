using System.Reflection;
using NetArchTest.Rules;

namespace Qonys.ArchitectureTests;

/// <summary>
/// The rules of docs/architecture.md as functions of an assembly and the root namespace of its house, so that each rule
/// runs both on the real code (no violation) and on the fixtures under <c>Fixtures/</c> (the violation they plant is
/// found). Each answers the violating types, "Type → what it must not use".
/// </summary>
internal static class HouseRules
{
    static readonly string[] Frameworks = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    /// <summary>The platform is the ground floor: nothing in it names a module or the host.</summary>
    public static IReadOnlyList<string> PlatformDependingOnModules(Assembly assembly, string root) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(root + ".Platform"))
            .ShouldNot().HaveDependencyOnAny(root + ".Modules", root + ".Host").GetResult());

    /// <summary>
    /// The host is the top floor: it names the modules and the platform, and nothing names it except the program's
    /// entry point (<c>Program</c>, in the global namespace).
    /// </summary>
    public static IReadOnlyList<string> NamingTheHost(Assembly assembly, string root) =>
        Failing(Types.InAssembly(assembly).That().DoNotResideInNamespaceMatching(Under(root + ".Host"))
            .And().DoNotHaveName("Program")
            .ShouldNot().HaveDependencyOnAny(root + ".Host").GetResult());

    /// <summary>
    /// Persistence knows nothing of the audit log: the chain is sealed by an interceptor that the audit folder
    /// registers, so the dependency runs one way, audit on data.
    /// </summary>
    public static IReadOnlyList<string> DataDependingOnAudit(Assembly assembly, string root) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(root + ".Platform.Data"))
            .ShouldNot().HaveDependencyOnAny(root + ".Platform.Audit").GetResult());

    /// <summary>
    /// A module uses another only through its door, the <c>Contracts</c> namespace: never its entities, tables, use
    /// cases or pages.
    /// </summary>
    public static IReadOnlyList<string> ModulesPassingThroughWalls(Assembly assembly, string root)
    {
        var prefix = root + ".Modules.";
        var types = assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        var modules = types.Select(t => ModuleOf(t.Namespace!, prefix)).Distinct().Order(StringComparer.Ordinal)
            .ToList();
        var violations = new List<string>();
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(m => m != module))
            {
                // Everything of the other module outside its door: its sub-namespaces one by one, and the types in its
                // root namespace by name (a namespace prefix would also match the door itself).
                var door = prefix + other + ".Contracts";
                var inside = types.Where(t => ModuleOf(t.Namespace!, prefix) == other && !InNamespace(t, door))
                    .ToList();
                var forbidden = inside.Where(t => t.Namespace == prefix + other).Select(t => Name(t))
                    .Concat(inside.Where(t => t.Namespace != prefix + other).Select(t => t.Namespace!).Distinct())
                    .ToArray();
                if (forbidden.Length == 0) continue;
                var result = Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(prefix + module))
                    .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
                violations.AddRange(Failing(result).Select(v => $"{v} ({other} beyond its door)"));
            }
        }
        return violations;
    }

    /// <summary>Domain code is plain C#: no EF Core, no ASP.NET Core.</summary>
    public static IReadOnlyList<string> DomainDependingOnFrameworks(Assembly assembly, string root) =>
        Failing(Types.InAssembly(assembly).That()
            .ResideInNamespaceMatching($@"^{Regex(root)}\.Modules\.[A-Za-z]+\.Domain(\..*)?$")
            .ShouldNot().HaveDependencyOnAny(Frameworks).GetResult());

    /// <summary>The engines are pure computation: nothing of the web host, the database or ASP.NET Core.</summary>
    public static IReadOnlyList<string> EnginesDependingOnWeb(Assembly assembly, string root, string webRoot) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Under(root))
            .ShouldNot().HaveDependencyOnAny([webRoot, .. Frameworks]).GetResult());

    /// <summary>
    /// No import circle among the house's parts (the host, the platform, each module): the parts that use each other in
    /// a circle, each as "A ⇄ B ⇄ …", read from the compiled assembly by <see cref="ImportGraph"/>.
    /// </summary>
    public static IReadOnlyList<string> ImportCircles(Assembly assembly, string root) =>
        [.. ImportGraph.Of(assembly, root).Circles().Select(c => string.Join(" ⇄ ", c))];

    /// <summary>
    /// Types are <c>internal</c>: the types of the house (and of the global namespace) that are visible outside the
    /// assembly, apart from the allowed ones.
    /// </summary>
    public static IReadOnlyList<string> PublicTypesBeyond(Assembly assembly, string root,
        IReadOnlyCollection<Type> allowed) =>
        [.. assembly.GetTypes()
            .Where(t => t.IsVisible && !allowed.Contains(t) && (t.Namespace is null || InNamespace(t, root)))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    static string ModuleOf(string ns, string prefix) => ns[prefix.Length..].Split('.')[0];

    static bool InNamespace(Type t, string ns) =>
        t.Namespace == ns || t.Namespace!.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <summary>
    /// A nested type as NetArchTest names it (Outer/Inner), so that the dependency is matched by full name.
    /// </summary>
    static string Name(Type t) => t.FullName!.Replace('+', '/');

    /// <summary>A namespace and those below it, as a pattern.</summary>
    static string Under(string ns) => $@"^{Regex(ns)}(\..*)?$";

    static string Regex(string s) => System.Text.RegularExpressions.Regex.Escape(s);

    static IReadOnlyList<string> Failing(TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
}
