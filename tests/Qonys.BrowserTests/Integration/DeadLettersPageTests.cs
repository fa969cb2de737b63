using System.Net.Http.Json;

namespace Qonys.BrowserTests.Integration;

/// <summary>
/// The administrator's dead-letter page in Chromium: an address change for an IIN the registry does not know waits
/// there with its reason and its type's name; a replay from the page tries it again and says what it came to.
/// Screenshot: artifacts/screenshots/integration-dead-letters.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadLettersPageTests(BrowserApp browser)
{
    [ChromiumFact]
    public async Task The_administrator_sees_a_dead_letter_by_its_types_name_and_replays_it()
    {
        var app = browser.App;
        var eventId = Guid.NewGuid();
        using (var client = await app.AsIntegrationClient())
        {
            var sent = await client.PostAsJsonAsync("/api/v1/integration/events", new
            {
                eventId, type = "address_changed", occurredAt = DateTimeOffset.UtcNow, source = "population-register",
                payload = new { iin = Demo.NewBin(), regionCode = "KZ-59", locality = "Petropavl", address = "Abay St 3" },
            });
            sent.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        }
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, Demo.Admin);

        await page.GetByRole(AriaRole.Link, new() { Name = UiText.En("nav.dead_letters"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.En("integration.dead_letters.title"), Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByTestId("dead-letter").Filter(new() { Has = page.Locator($"input[value='{eventId}']") });
        await Expect(row).ToContainTextAsync(UiText.En("integration.type.address_changed"));
        await Expect(row).ToContainTextAsync("No person with this IIN");
        await Screenshots.SaveAsync(page, "integration", "dead-letters");

        await row.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(page.GetByTestId("replayed")).ToContainTextAsync(eventId.ToString()[..8]);
        await Expect(page.GetByTestId("dead-letter").Filter(new() { Has = page.Locator($"input[value='{eventId}']") })
            .GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("2");
        await page.Context.CloseAsync();
    }
}
