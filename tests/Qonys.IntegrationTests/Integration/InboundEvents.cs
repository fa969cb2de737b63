using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.IntegrationTests.Integration;

/// <summary>Sends inbound events as the integration client, and arranges what events need (a person the registry knows).</summary>
static class InboundEvents
{
    public const string EventsPath = "/api/v1/integration/events";

    public static object Envelope(string type, object payload, Guid? eventId = null, string source = "test-system") => new
    {
        eventId = eventId ?? Guid.NewGuid(), type, occurredAt = TestClock.Shared.GetUtcNow(), source, payload,
    };

    public static async Task<HttpResponseMessage> SendAsync(TestApp app, string type, object payload, Guid? eventId = null)
    {
        using var client = await app.AsIntegrationClient();
        return await client.PostAsJsonAsync(EventsPath, Envelope(type, payload, eventId));
    }

    /// <summary>Sends and expects 202 "accepted"; returns the receipt.</summary>
    public static async Task<JsonElement> AcceptedAsync(TestApp app, string type, object payload, Guid? eventId = null)
    {
        var response = await SendAsync(app, type, payload, eventId);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var receipt = JsonDocument.Parse(text).RootElement.Clone();
        receipt.GetProperty("status").GetString().ShouldBe("accepted");
        return receipt;
    }

    /// <summary>The payment gateway reports the application's fee as paid (the only way a fee becomes paid).</summary>
    public static async Task PayFeeAsync(TestApp app, Guid applicationId)
    {
        using var admin = await app.As(Demo.Admin);
        var fee = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{applicationId}")).GetProperty("fee").GetProperty("kzt").GetInt64();
        var receipt = await AcceptedAsync(app, "payment_received", Payment(applicationId, fee));
        receipt.GetProperty("outcome").GetString().ShouldBe("applied", receipt.ToString());
    }

    public static object Payment(Guid applicationId, long amountKzt) => new
    {
        paymentId = "PAY-" + Guid.NewGuid().ToString("N")[..10], applicationId, amountKzt, paidAt = TestClock.Shared.GetUtcNow(),
    };

    /// <summary>Adds a person with a fresh IIN to the registry, as the persons import does; returns the IIN.</summary>
    public static async Task<string> KnownPersonAsync(TestApp app, string? iin = null)
    {
        iin ??= Demo.NewBin();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Person
            {
                Id = Guid.NewGuid(), Iin = iin, FullName = "Test Person " + iin, BirthDate = new DateOnly(1985, 3, 1), Sex = "F",
                Citizenship = "KZ", CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return iin;
    }

    public static async Task<JsonElement> InboxEntryAsync(TestApp app, Guid eventId)
    {
        using var admin = await app.As(Demo.Admin);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/integration/events/{eventId}");
    }
}
