using System.Reflection;

namespace Qonys.ArchitectureTests;

/// <summary>Each house rule holds for Qonys, and fails on the violations planted in <c>Fixtures/</c>.</summary>
public sealed class HouseRulesTests
{
    static readonly Assembly Web = typeof(Program).Assembly;
    static readonly Assembly Engines = typeof(Qonys.Engines.Scoring.Scorecard).Assembly;
    static readonly Assembly Fixtures = typeof(HouseRulesTests).Assembly;
    const string FixtureRoot = "Qonys.ArchitectureTests.Fixtures";

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
        HouseRules.NamingTheHost(Fixtures, FixtureRoot).ShouldBe([$"{FixtureRoot}.Modules.Registry.RegistryReadingTheHostsModules"]);

    [Fact]
    public void Persistence_names_nothing_of_the_audit_log() =>
        HouseRules.DataDependingOnAudit(Web, "Qonys.Web").ShouldBeEmpty();

    [Fact]
    public void The_persistence_rule_finds_a_context_that_seals_the_audit_chain() =>
        HouseRules.DataDependingOnAudit(Fixtures, FixtureRoot).ShouldBe([$"{FixtureRoot}.Platform.Data.ContextSealingTheAuditChain"]);

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
}
