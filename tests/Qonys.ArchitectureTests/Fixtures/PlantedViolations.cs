// Deliberate violations of every house rule, in a small house of their own (root namespace
// Qonys.ArchitectureTests.Fixtures), so that the architecture tests show each rule fails when it is broken.
// Each violating type is paired with a compliant neighbour that the rule must let pass.
#pragma warning disable CA1812 // never instantiated: the types exist for their dependencies only

namespace Qonys.ArchitectureTests.Fixtures.Modules.Registry.Contracts
{
    internal interface IEmployerDirectory { string? NameOf(string bin); }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Registry.Domain
{
    internal sealed class Employer { public string Bin { get; set; } = ""; }

    /// <summary>Violates "domain is plain C#": an entity that knows its DbContext.</summary>
    internal sealed class EmployerWithContext { public Microsoft.EntityFrameworkCore.DbContext? Db { get; set; } }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Registry
{
    internal static class RegistryModule { public static string Name() => "registry"; }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Permits.Certificates
{
    /// <summary>Violates "modules meet at doors": reads another module's entity.</summary>
    internal sealed class CertificateReadingEmployerTable { public Registry.Domain.Employer? Employer { get; set; } }

    /// <summary>Violates it through the other module's root namespace (its registration class).</summary>
    internal sealed class CertificateNamingRegistryModule { public string Name => Registry.RegistryModule.Name(); }

    /// <summary>Compliant: goes through the Registry's door.</summary>
    internal sealed class CertificateThroughTheDoor
    {
        public Registry.Contracts.IEmployerDirectory? Employers { get; set; }
    }
}

namespace Qonys.ArchitectureTests.Fixtures.Platform.Ui
{
    /// <summary>Violates "the platform names no module".</summary>
    internal sealed class DashboardNamingAnEmployer { public Modules.Registry.Domain.Employer? Employer { get; set; } }

    /// <summary>Compliant platform code.</summary>
    internal sealed class NavigationEntry { public string Href { get; set; } = ""; }
}

namespace Qonys.ArchitectureTests.Fixtures.Platform.Audit
{
    internal static class AuditChain { public static int Seal(object unitOfWork) => unitOfWork.GetHashCode(); }

    /// <summary>Compliant: the audit folder uses persistence (the dependency runs this way).</summary>
    internal sealed class AuditSealing { public Data.UnitOfWork? Saved { get; set; } }
}

namespace Qonys.ArchitectureTests.Fixtures.Platform.Data
{
    /// <summary>Compliant persistence code.</summary>
    internal sealed class UnitOfWork { public int Save() => 0; }

    /// <summary>Violates "persistence names nothing of the audit log": a context that seals the chain itself.</summary>
    internal sealed class ContextSealingTheAuditChain { public int Save() => Audit.AuditChain.Seal(this); }
}

namespace Qonys.ArchitectureTests.Fixtures.Host
{
    /// <summary>Compliant: the host names the modules.</summary>
    internal static class FixtureApp
    {
        public static string[] Modules() => [Fixtures.Modules.Registry.RegistryModule.Name()];
    }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Registry
{
    /// <summary>
    /// Violates "nothing but the program names the host": a module reading the host's list of modules.
    /// </summary>
    internal sealed class RegistryReadingTheHostsModules { public int Count => Host.FixtureApp.Modules().Length; }
}

namespace Qonys.ArchitectureTests.Fixtures.Engines
{
    /// <summary>Violates "engines are pure": takes an HTTP context.</summary>
    internal sealed class EngineReadingHttp { public Microsoft.AspNetCore.Http.HttpContext? Http { get; set; } }

    /// <summary>Compliant engine code.</summary>
    internal static class PureEngine { public static int Twice(int x) => 2 * x; }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Permits.Contracts
{
    internal interface IPermitRegister { int CountOf(string bin); }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Selection.Contracts
{
    internal interface IScorecardBook { int PointsOf(string occupation); }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Permits.Scoring
{
    /// <summary>Compliant on its own (through Selection's door), but with the type below it closes a circle.</summary>
    internal sealed class ScoreOfApplication { public Selection.Contracts.IScorecardBook? Book { get; set; } }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Selection.Rounds
{
    /// <summary>
    /// Violates "no import circle": each door is respected, yet Permits and Selection now use each other.
    /// </summary>
    internal sealed class RoundCountingPermits { public Permits.Contracts.IPermitRegister? Permits { get; set; } }
}

namespace Qonys.ArchitectureTests.Fixtures.Modules.Registry.Domain
{
#pragma warning disable CA1515 // public on purpose: the planted violation of "types are internal"
    /// <summary>Violates "types are internal": an entity visible outside its assembly.</summary>
    public sealed class PublicEmployer { public string Bin { get; set; } = ""; }

    /// <summary>Compliant: public, and on the rule's list of allowed public types.</summary>
    public enum AllowedOutcome { Ok, Refused }
#pragma warning restore CA1515
}
