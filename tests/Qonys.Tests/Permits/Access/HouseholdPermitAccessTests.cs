using Qonys.Tests.Platform;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Notifications;

namespace Qonys.Tests.Permits.Access;

/// <summary>Who may see or act on a household permit: the role × scope table of <see cref="HouseholdPermitAccess"/>.</summary>
public sealed class HouseholdPermitAccessTests
{
    const string OwnIin = "900101300017";
    const string OtherIin = "881231500421";
    const string OwnPassport = "N1234567";
    const string OtherPassport = "N7654321";

    /// <summary>The registry's persons the accounts below belong to.</summary>
    static readonly Dictionary<string, Guid> People = new()
    {
        ["employer"] = Guid.NewGuid(), ["other employer"] = Guid.NewGuid(), ["worker"] = Guid.NewGuid(), ["other worker"] = Guid.NewGuid(),
        ["unregistered"] = Guid.NewGuid(),
    };

    static readonly HouseholdPermit ThePermit = new() { Number = "HH-2026-AAAAAAAA", RegionCode = "KZ-35", EmployerIin = OwnIin, WorkerPassportNumber = OwnPassport };
    static readonly HouseholdPermit[] Others =
    [
        new() { Number = "HH-2026-BBBBBBBB", RegionCode = "KZ-71", EmployerIin = OtherIin, WorkerPassportNumber = OtherPassport },
        new() { Number = "HH-2026-CCCCCCCC", RegionCode = "KZ-35", EmployerIin = OtherIin, WorkerPassportNumber = OtherPassport },
        new() { Number = "HH-2026-DDDDDDDD", RegionCode = "KZ-71", EmployerIin = OwnIin, WorkerPassportNumber = OtherPassport },
        new() { Number = "HH-2026-EEEEEEEE", RegionCode = "KZ-71", EmployerIin = OtherIin, WorkerPassportNumber = OwnPassport },
    ];
    static readonly RecordOperation[] Operations =
        [HouseholdPermitOperations.Read, HouseholdPermitOperations.List, HouseholdPermitOperations.Issue, HouseholdPermitOperations.ChangeEmployer];

    [Theory]
    [InlineData(Roles.Administrator, null, null, "read list issue change_employer")]
    [InlineData(Roles.Analyst, null, null, "")] // aggregates only (GET /api/v1/analytics/household-workers)
    [InlineData(Roles.Officer, "KZ-35", null, "")] // no officer decides a household permit
    [InlineData(Roles.Officer, "KZ-71", null, "")]
    [InlineData(Roles.Inspector, "KZ-35", null, "read")] // the permit shown at an inspection, by its number; no list
    [InlineData(Roles.Inspector, "KZ-71", null, "")]
    [InlineData(Roles.HouseholdEmployer, null, "employer", "read list issue change_employer")]
    [InlineData(Roles.HouseholdEmployer, null, "other employer", "")]
    [InlineData(Roles.HouseholdEmployer, null, "unregistered", "")]
    [InlineData(Roles.HouseholdEmployer, null, null, "")]
    [InlineData(Roles.Migrant, null, "worker", "read list change_employer")]
    [InlineData(Roles.Migrant, null, "other worker", "")]
    [InlineData(Roles.Migrant, null, "employer", "")]
    [InlineData(Roles.Applicant, null, "employer", "")]
    [InlineData(Roles.Employer, "KZ-35", null, "")]
    [InlineData(Roles.Auditor, null, null, "")]
    public Task An_actor_may_take_the_operations_of_its_row(string role, string? region, string? person, string allowed) =>
        AccessTable.AssertAsync(new HouseholdPermitAccess(new Registry()), Operations,
            AccessTable.ActorOf(role, region, person: person is null ? null : People[person]), ThePermit, Others, allowed);

    [Fact]
    public async Task The_accounts_person_is_looked_up_once_per_request()
    {
        var registry = new Registry();
        var access = new HouseholdPermitAccess(registry);
        var actor = AccessTable.ActorOf(Roles.HouseholdEmployer, person: People["employer"]);
        (await access.AllowsAsync(actor, HouseholdPermitOperations.Read, ThePermit, CancellationToken.None)).ShouldBeTrue();
        (await access.ScopeAsync(actor, HouseholdPermitOperations.Read, CancellationToken.None)).ShouldNotBeNull();
        registry.LookUps.ShouldBe(1);
    }

    sealed class Registry : IPersonDirectory
    {
        public int LookUps { get; private set; }

        public Task<PersonKeys?> KeysAsync(Guid personId, CancellationToken ct)
        {
            LookUps++;
            PersonKeys? keys = People.First(p => p.Value == personId).Key switch
            {
                "employer" => new(OwnIin, null),
                "other employer" => new(OtherIin, null),
                "worker" => new(null, OwnPassport),
                "other worker" => new(null, OtherPassport),
                _ => null,
            };
            return Task.FromResult(keys);
        }

        public Task<IReadOnlyList<Recipient>> AccountsOfCitizenAsync(string iin, CancellationToken ct) => throw new NotSupportedException();
    }
}
