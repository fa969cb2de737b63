using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Qonys.Web.Platform.Auth;

/// <summary>A named operation on a record (read, decide, withdraw, …), as ASP.NET Core's resource-based authorization names it.</summary>
internal sealed class RecordOperation : OperationAuthorizationRequirement
{
    public RecordOperation(string name) => Name = name;

    public override string ToString() => Name;
}

/// <summary>What a reach is measured by: a record's region, its organisation (BIN), its citizen (IIN) or its worker's passport.</summary>
internal enum ReachKind { Nothing, Everything, Region, Organisation, Citizen, Passport }

/// <summary>
/// How far an actor reaches over one kind of record: every record, the records of one region, of one organisation, of
/// one citizen or one passport, or none. A record kind's access rule gives each actor one reach; the single check
/// (<see cref="RecordAccess{T}.AllowsAsync"/>) and the list filter (<see cref="RecordAccess{T}.ScopeAsync"/>) are both
/// read from it, so a list never shows a record its page would refuse.
/// </summary>
internal readonly record struct Reach(ReachKind Kind, string? Key)
{
    public static Reach Nothing => default;
    public static Reach Everything => new(ReachKind.Everything, null);
    public static Reach Region(string? code) => Of(ReachKind.Region, code);
    public static Reach Organisation(string? bin) => Of(ReachKind.Organisation, bin);
    public static Reach Citizen(string? iin) => Of(ReachKind.Citizen, iin);
    public static Reach Passport(string? number) => Of(ReachKind.Passport, number);

    /// <summary>A reach by a key the actor does not have (no region, no organisation yet) reaches nothing.</summary>
    static Reach Of(ReachKind kind, string? key) => string.IsNullOrEmpty(key) ? Nothing : new(kind, key);
}

/// <summary>The keys of one kind of record that reaches are measured by; a kind without a key is reached by none of that kind.</summary>
internal sealed class RecordKeys<T>
{
    readonly Dictionary<ReachKind, (Expression<Func<T, string?>> Selector, Func<T, string?> Value)> _keys = [];

    public RecordKeys(Expression<Func<T, string?>>? region = null, Expression<Func<T, string?>>? organisation = null,
        Expression<Func<T, string?>>? citizen = null, Expression<Func<T, string?>>? passport = null)
    {
        Add(ReachKind.Region, region);
        Add(ReachKind.Organisation, organisation);
        Add(ReachKind.Citizen, citizen);
        Add(ReachKind.Passport, passport);
    }

    void Add(ReachKind kind, Expression<Func<T, string?>>? selector)
    {
        if (selector is not null) _keys[kind] = (selector, selector.Compile());
    }

    /// <summary>True when <paramref name="reach"/> covers <paramref name="record"/>.</summary>
    public bool Covers(Reach reach, T record) => reach.Kind switch
    {
        ReachKind.Everything => true,
        ReachKind.Nothing => false,
        var kind => _keys.TryGetValue(kind, out var key) && key.Value(record) == reach.Key,
    };

    /// <summary>The same test as <see cref="Covers"/>, as a predicate the database evaluates (the key is a query parameter).</summary>
    public Expression<Func<T, bool>> Filter(Reach reach)
    {
        switch (reach.Kind)
        {
            case ReachKind.Everything: return _ => true;
            case ReachKind.Nothing: return _ => false;
        }
        if (!_keys.TryGetValue(reach.Kind, out var key)) return _ => false;
        var value = reach.Key;
        Expression<Func<string?>> parameter = () => value;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Selector.Body, parameter.Body), key.Selector.Parameters);
    }
}

/// <summary>
/// The one access rule of a kind of record (bitwarden's resource authorization handlers): who reaches which records
/// (<see cref="ReachAsync"/>) and which roles may take each named operation on a record they reach
/// (<see cref="RolesFor"/>). The use cases ask <see cref="AllowsAsync"/> with the <see cref="Actor"/>; lists and queues
/// filter with <see cref="ScopeAsync"/>; code holding a <see cref="ClaimsPrincipal"/> asks
/// <see cref="IAuthorizationService"/>, which reaches the same rule through this handler.
/// </summary>
internal abstract class RecordAccess<T> : AuthorizationHandler<OperationAuthorizationRequirement, T>
{
    protected abstract RecordKeys<T> Keys { get; }

    /// <summary>The roles that may take <paramref name="operation"/> on a record within their reach (none for an unknown operation).</summary>
    protected abstract IReadOnlyCollection<string> RolesFor(RecordOperation operation);

    /// <summary>How far <paramref name="actor"/> reaches over this kind of record.</summary>
    public abstract ValueTask<Reach> ReachAsync(Actor actor, CancellationToken ct);

    /// <summary>True when a role may take the operation on some record (whether it may on a given one depends on its reach).</summary>
    public bool Grants(string role, RecordOperation operation) => RolesFor(operation).Contains(role);

    public async ValueTask<bool> AllowsAsync(Actor actor, RecordOperation operation, T record, CancellationToken ct) =>
        Allows(actor.Role, await ReachAsync(actor, ct), operation, record);

    /// <summary>The rule itself: the role may take the operation, and the reach covers the record.</summary>
    protected bool Allows(string role, Reach reach, RecordOperation operation, T record) => Grants(role, operation) && Keys.Covers(reach, record);

    /// <summary>The records <paramref name="actor"/> may take <paramref name="operation"/> on, as a filter for a list.</summary>
    public async ValueTask<Expression<Func<T, bool>>> ScopeAsync(Actor actor, RecordOperation operation, CancellationToken ct) =>
        Filter(actor.Role, await ReachAsync(actor, ct), operation);

    /// <summary>The rule as a filter: nothing unless the role may take the operation, else the records the reach covers.</summary>
    protected Expression<Func<T, bool>> Filter(string role, Reach reach, RecordOperation operation) =>
        Grants(role, operation) ? Keys.Filter(reach) : _ => false;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        T resource)
    {
        if (requirement is RecordOperation operation && context.User.FindFirst(ClaimTypes.NameIdentifier) is not null &&
            await AllowsAsync(Actor.From(context.User), operation, resource, CancellationToken.None))
            context.Succeed(requirement);
    }
}

/// <summary>A record kind whose reach follows from the actor's claims alone (role, region, organisation): no look-up, so a check is immediate.</summary>
internal abstract class ClaimsRecordAccess<T> : RecordAccess<T>
{
    /// <summary>How far <paramref name="actor"/> reaches over this kind of record.</summary>
    public abstract Reach ReachOf(Actor actor);

    public sealed override ValueTask<Reach> ReachAsync(Actor actor, CancellationToken ct) => ValueTask.FromResult(ReachOf(actor));

    /// <summary>May <paramref name="actor"/> take <paramref name="operation"/> on <paramref name="record"/>?</summary>
    public bool Allows(Actor actor, RecordOperation operation, T record) => Allows(actor.Role, ReachOf(actor), operation, record);

    /// <summary>The records <paramref name="actor"/> may take <paramref name="operation"/> on, as a filter for a list.</summary>
    public Expression<Func<T, bool>> ScopeOf(Actor actor, RecordOperation operation) => Filter(actor.Role, ReachOf(actor), operation);
}
