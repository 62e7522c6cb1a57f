using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Events;

// A store with returns whose events sit in the outbox, a fake clock, and subscribers that record what they get.
internal sealed class EventTestKit
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public IReturnStore Store { get; }

    public OutboxDispatcherOptions Options { get; } = new()
    {
        BatchSize = 10,
        Lease = TimeSpan.FromMinutes(5),
        MaxAttempts = 5,
        InitialBackoff = TimeSpan.FromSeconds(10),
        MaxBackoff = TimeSpan.FromMinutes(10),
        PollInterval = TimeSpan.FromSeconds(1),
    };

    public EventTestKit(IReturnStore? store = null)
    {
        Store = store ?? new InMemoryReturnStore();
    }

    public OutboxDispatcher Dispatcher(params IReturnEventSubscriber[] subscribers) =>
        new(Store, subscribers, Microsoft.Extensions.Options.Options.Create(Options), Time);

    // Creates a return (event return.created at version 1) and returns its event.
    public async Task<ReturnEvent> CreateReturnAsync()
    {
        var now = Time.GetUtcNow();
        var created = new ReturnRequest(RmaNumber.NewRandom(), "customer-1", [new ReturnRequestLine("order-1", "line-1", "SKU-1", 1, "too_small")], now);
        var e = new ReturnEvent(Guid.NewGuid(), ReturnEventTypes.Created, created.Rma, 1, now);
        await Store.CommitAsync(new ReturnChange(created, 0, new ReturnAuditEntry(1, now, ReturnActor.Customer, null, ReturnState.Requested, "created")) { Events = [e] });
        return e;
    }

    // Authorizes a return created by CreateReturnAsync (event return.authorized at version 2).
    public async Task<ReturnEvent> AuthorizeAsync(RmaNumber rma)
    {
        var now = Time.GetUtcNow();
        var current = await Store.FindAsync(rma) ?? throw new InvalidOperationException("no such return");
        var next = current with { State = ReturnState.Authorized, Version = current.Version + 1, UpdatedAt = now, AuthorizedUntil = now.AddDays(30) };
        var e = new ReturnEvent(Guid.NewGuid(), ReturnEventTypes.Authorized, rma, next.Version, now);
        await Store.CommitAsync(new ReturnChange(next, current.Version, new ReturnAuditEntry(next.Version, now, ReturnActor.System, current.State, next.State, "authorized")) { Events = [e] });
        return e;
    }

    public async Task<OutboxMessage> MessageAsync(ReturnEvent e) =>
        await Store.FindOutboxMessageAsync(e.Id) ?? throw new InvalidOperationException("no such message");
}

// Records every delivery and answers with the behaviour the test gives it (success by default).
internal sealed class RecordingSubscriber(string name, Func<ReturnEventDelivery, int, Task>? behaviour = null) : IReturnEventSubscriber
{
    private readonly List<ReturnEventDelivery> _deliveries = [];

    public string Name { get; } = name;

    public Func<ReturnEventDelivery, int, Task>? Behaviour { get; set; } = behaviour;

    public IReadOnlyList<ReturnEventDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    public IReadOnlyList<Guid> EventIds => [.. Deliveries.Select(d => d.Event.Id)];

    public Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken)
    {
        int call;
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
            call = _deliveries.Count;
        }

        return Behaviour?.Invoke(delivery, call) ?? Task.CompletedTask;
    }

    public static Func<ReturnEventDelivery, int, Task> FailFirst(int failures, Func<Exception>? error = null) =>
        (_, call) => call <= failures ? Task.FromException(error?.Invoke() ?? new EventDeliveryException("endpoint answered 500")) : Task.CompletedTask;

    public static Func<ReturnEventDelivery, int, Task> Always(Func<Exception> error) => (_, _) => Task.FromException(error());
}
