using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Platform;

/// <summary>
/// Runs one row of a record kind's role × scope table: the operations the row names are allowed on the record and the
/// others are not, through the use cases' check, through ASP.NET Core's authorization service (the same handler), and
/// through the list filter, which must keep exactly the records the check allows.
/// </summary>
internal static class AccessTable
{
    public static Actor ActorOf(string role, string? region = null, string? bin = null, Guid? person = null) =>
        new(Guid.NewGuid(), role.ToLowerInvariant() + "@test.kz", role, region, bin, person);

    /// <param name="allowed">The operations allowed on <paramref name="record"/>, by name, separated by spaces ("" for none).</param>
    public static async Task AssertAsync<T>(RecordAccess<T> access, IReadOnlyList<RecordOperation> operations, Actor actor, T record,
        IReadOnlyList<T> others, string allowed)
    {
        var expected = allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        expected.Except(operations.Select(o => o.Name)).ShouldBeEmpty("the table names only operations of the record kind");
        using var services = new ServiceCollection().AddLogging().AddAuthorizationCore().AddSingleton<IAuthorizationHandler>(access)
            .BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var principal = PrincipalOf(actor);
        var records = others.Prepend(record).ToList();
        foreach (var operation in operations)
        {
            var mayI = expected.Contains(operation.Name);
            (await access.AllowsAsync(actor, operation, record, CancellationToken.None)).ShouldBe(mayI, $"{actor.Role} {operation}");
            (await authorization.AuthorizeAsync(principal, record, operation)).Succeeded.ShouldBe(mayI, $"{actor.Role} {operation} (service)");
            var filter = await access.ScopeAsync(actor, operation, CancellationToken.None);
            var listed = records.AsQueryable().Where(filter).ToList();
            var checkedOneByOne = new List<T>();
            foreach (var r in records)
                if (await access.AllowsAsync(actor, operation, r, CancellationToken.None)) checkedOneByOne.Add(r);
            listed.ShouldBe(checkedOneByOne, $"{actor.Role} {operation}: the list filter and the check agree");
            listed.Contains(record).ShouldBe(mayI);
        }
    }

    static ClaimsPrincipal PrincipalOf(Actor actor)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId.ToString()), new(ClaimTypes.Email, actor.Email) };
        claims.AddRange(Actor.ClaimsOf(new AppUser
        {
            Role = actor.Role, RegionCode = actor.RegionCode, EmployerBin = actor.EmployerBin, PersonId = actor.PersonId,
        }));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
