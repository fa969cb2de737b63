using System.Reflection;

namespace Qonys.ArchitectureTests;

/// <summary>Each house rule holds for Qonys, and fails on the violations planted in <c>Fixtures/</c>.</summary>
public sealed class HouseRulesTests
{
    static readonly Assembly Web = typeof(Program).Assembly;
    static readonly Assembly Engines = typeof(Qonys.Engines.Scoring.Scorecard).Assembly;
    static readonly Assembly Fixtures = typeof(HouseRulesTests).Assembly;
    const string FixtureRoot = "Qonys.ArchitectureTests.Fixtures";
    static readonly Lazy<ImportGraph> WebImports = new(() => ImportGraph.Of(Web, "Qonys.Web"));

    [Fact]
    public void The_platform_names_no_module() =>
        HouseRules.PlatformDependingOnModules(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_platform_rule_finds_a_platform_type_that_names_a_module() =>
        HouseRules.PlatformDependingOnModules(Fixtures, FixtureRoot)
            .ShouldBe([$"{FixtureRoot}.Platform.Ui.DashboardNamingAnEmployer"]);

    [Fact]
    public void Only_the_program_names_the_host() =>
        HouseRules.NamingTheHost(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_host_rule_finds_a_module_that_names_the_host_and_lets_the_host_pass() =>
        HouseRules.NamingTheHost(Fixtures, FixtureRoot)
            .ShouldBe([$"{FixtureRoot}.Modules.Registry.RegistryReadingTheHostsModules"]);

    [Fact]
    public void Persistence_names_nothing_of_the_audit_log() =>
        HouseRules.DataDependingOnAudit(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_persistence_rule_finds_a_context_that_seals_the_audit_chain() =>
        HouseRules.DataDependingOnAudit(Fixtures, FixtureRoot)
            .ShouldBe([$"{FixtureRoot}.Platform.Data.ContextSealingTheAuditChain"]);

    [Fact]
    public void Modules_meet_only_at_their_doors() =>
        HouseRules.ModulesPassingThroughWalls(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_door_rule_finds_a_module_using_another_modules_entity_or_root_type_and_lets_the_door_pass() =>
        HouseRules.ModulesPassingThroughWalls(Fixtures, FixtureRoot).ShouldBe(
        [
            $"{FixtureRoot}.Modules.Permits.Certificates.CertificateNamingRegistryModule (Registry beyond its door)",
            $"{FixtureRoot}.Modules.Permits.Certificates.CertificateReadingEmployerTable (Registry beyond its door)",
        ], ignoreOrder: true);

    [Fact]
    public void Domain_code_uses_neither_EF_Core_nor_ASP_NET_Core() =>
        HouseRules.DomainDependingOnFrameworks(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_domain_rule_finds_an_entity_that_knows_its_DbContext() =>
        HouseRules.DomainDependingOnFrameworks(Fixtures, FixtureRoot)
            .ShouldBe([$"{FixtureRoot}.Modules.Registry.Domain.EmployerWithContext"]);

    [Fact]
    public void The_engines_depend_on_nothing_of_the_web_host() =>
        HouseRules.EnginesDependingOnWeb(Engines, "Qonys.Engines", "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_engines_rule_finds_an_engine_that_takes_an_HTTP_context() =>
        HouseRules.EnginesDependingOnWeb(Fixtures, FixtureRoot + ".Engines", "Qonys.Web")
            .ShouldBe([$"{FixtureRoot}.Engines.EngineReadingHttp"]);

    [Fact]
    public void No_import_circle_among_the_host_the_platform_and_the_modules()
    {
        var graph = WebImports.Value;
        var circles = graph.Circles();
        circles.ShouldBeEmpty(string.Join("\n", circles.SelectMany(graph.EdgesWithin)));
    }

    [Theory]
    [InlineData("Host", "Modules.AnalyticalCentre")]
    [InlineData("Host", "Platform")]
    [InlineData("Modules.Permits", "Modules.Registry")]
    [InlineData("Modules.AnalyticalCentre", "Modules.Permits")]
    [InlineData("Modules.AnalyticalCentre", "Platform")]
    public void The_circle_rule_reads_the_real_edges_of_the_house(string from, string to)
    {
        // So that "no circle" above means something: the graph holds the edges the house is built on, one way only.
        var graph = WebImports.Value;
        graph.Uses(from, to).ShouldBeTrue();
        graph.Uses(to, from).ShouldBeFalse();
    }

    [Fact]
    public void The_circle_rule_finds_modules_using_each_other_through_their_doors_and_a_module_naming_the_host() =>
        HouseRules.ImportCircles(Fixtures, FixtureRoot).ShouldBe(
        [
            "Host ⇄ Modules.Registry",
            "Modules.Permits ⇄ Modules.Selection",
        ]);

    static readonly Type[] AllowedPublicTypes =
    [
        typeof(Program),
        typeof(Qonys.Web.Platform.UseCases.Outcome),
        typeof(Qonys.Web.Modules.Permits.Domain.CheckOutcome),
    ];

    [Fact]
    public void Types_are_internal_but_the_program_and_the_two_enums_tests_take() =>
        HouseRules.PublicTypesBeyond(Web, "Qonys.Web", AllowedPublicTypes).ShouldBeEmpty();

    [Fact]
    public void The_internal_rule_finds_a_public_entity_and_lets_the_allowed_type_pass() =>
        HouseRules.PublicTypesBeyond(Fixtures, FixtureRoot, [typeof(Fixtures.Modules.Registry.Domain.AllowedOutcome)])
            .ShouldBe([$"{FixtureRoot}.Modules.Registry.Domain.PublicEmployer"]);
}
