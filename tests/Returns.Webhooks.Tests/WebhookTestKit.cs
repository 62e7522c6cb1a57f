using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;
using WireMock.Server;

namespace Returns.Webhooks.Tests;

// A real loopback receiver (WireMock), an in-memory store, a fake clock and the SDK wired as an application would.
internal sealed class WebhookTestKit : IDisposable
{
    public const string Secret = "whsec_5f2a9c1e7b3d4f6a8c0e2b4d6f8a0c2e";

    public WebhookTestKit()
    {
        Server = WireMockServer.Start();
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public InMemoryReturnStore Store { get; } = new();

    public OutboxDispatcherOptions Dispatch { get; } = new()
    {
        MaxAttempts = 5,
        InitialBackoff = TimeSpan.FromSeconds(10),
        MaxBackoff = TimeSpan.FromMinutes(10),
    };

    public Uri Url(string path = "/hooks/returns") => new(Server.Url + path);

    public ServiceProvider Build(Action<WebhookEndpointOptions>? tune = null, Action<IReturnsBuilder>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IReturnStore>(Store);
        var builder = services.AddReturns()
            .AddEventDelivery(o =>
            {
                o.MaxAttempts = Dispatch.MaxAttempts;
                o.InitialBackoff = Dispatch.InitialBackoff;
                o.MaxBackoff = Dispatch.MaxBackoff;
            })
            .AddWebhook("shop", o =>
            {
                o.Url = Url();
                o.Secrets.Add(Secret);
                tune?.Invoke(o);
            });
        more?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    public async Task<ReturnEvent> CreateReturnAsync()
    {
        var now = Time.GetUtcNow();
        var created = new ReturnRequest(RmaNumber.NewRandom(), "customer-1", [new ReturnRequestLine("order-1", "line-1", "SKU-1", 1, "too_small")], now)
        {
            // Non-ASCII text and a non-UTC offset check that "data" is the stored document byte for byte.
            ExpectedArrival = new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.FromHours(1)),
        };
        var e = new ReturnEvent(Guid.NewGuid(), ReturnEventTypes.Created, created.Rma, 1, now);
        await Store.CommitAsync(new ReturnChange(created, 0, new ReturnAuditEntry(1, now, ReturnActor.Customer, null, ReturnState.Requested, "created")) { Events = [e] });
        return e;
    }

    public async Task<ReturnEvent> AuthorizeAsync(RmaNumber rma)
    {
        var now = Time.GetUtcNow();
        var current = await Store.FindAsync(rma) ?? throw new InvalidOperationException("no such return");
        var next = current with { State = ReturnState.Authorized, Version = current.Version + 1, UpdatedAt = now, StatusReason = "Größe passt nicht" };
        var e = new ReturnEvent(Guid.NewGuid(), ReturnEventTypes.Authorized, rma, next.Version, now);
        await Store.CommitAsync(new ReturnChange(next, current.Version, new ReturnAuditEntry(next.Version, now, ReturnActor.System, current.State, next.State, "authorized")) { Events = [e] });
        return e;
    }

    public async Task<OutboxMessage> MessageAsync(ReturnEvent e) =>
        await Store.FindOutboxMessageAsync(e.Id) ?? throw new InvalidOperationException("no such message");

    public void Dispose() => Server.Stop();
}
