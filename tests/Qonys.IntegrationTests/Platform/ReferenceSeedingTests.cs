using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Reference;

namespace Qonys.IntegrationTests.Platform;

public sealed class ReferenceSeedingTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Seeding_again_adds_only_what_is_missing_and_keeps_administrators_values(Provider provider)
    {
        // Edits and deletes rule values the other tests read: an app of its own.
        await using var app = await TestApp.StartAsync(provider);
        var (rulesBefore, daysBefore) = await app.WithDbAsync(async db =>
            (await db.Set<RuleValue>().CountAsync(), await db.Set<CalendarDay>().CountAsync()));

        // An administrator's edit of a shipped value survives; a key that a new release ships (here: one removed) comes back.
        await app.WithDbAsync(async db =>
        {
            await db.Set<RuleValue>().Where(r => r.Key == "household.max_workers").ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, 6m));
            return await db.Set<RuleValue>().Where(r => r.Key == "kandas.hearing_working_days").ExecuteDeleteAsync();
        });
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReferenceSeeder>().SeedAsync();

        var (rulesAfter, daysAfter, household, hearing) = await app.WithDbAsync(async db => (
            await db.Set<RuleValue>().CountAsync(), await db.Set<CalendarDay>().CountAsync(),
            await db.Set<RuleValue>().Where(r => r.Key == "household.max_workers").Select(r => r.Value).SingleAsync(),
            await db.Set<RuleValue>().CountAsync(r => r.Key == "kandas.hearing_working_days")));
        rulesAfter.ShouldBe(rulesBefore);
        daysAfter.ShouldBe(daysBefore);
        household.ShouldBe(6m);
        hearing.ShouldBe(1);
    }
}
