using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Events;

public sealed class OutboxDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DispatchOnceAsync_SeveralSubscribers_EachGetsEveryEventInSequenceOrder()
    {
        var kit = new EventTestKit();
        var first = await kit.CreateReturnAsync();
        var second = await kit.AuthorizeAsync(first.Rma);
        var third = await kit.CreateReturnAsync();
        RecordingSubscriber[] subscribers = [new("a"), new("b"), new("c")];

        var result = await kit.Dispatcher(subscribers).DispatchOnceAsync(Ct);

        Assert.Equal(new OutboxDispatchResult(3, 3, 0, 0), result);
        foreach (var subscriber in subscribers)
        {
            Assert.Equal([first.Id, second.Id, third.Id], subscriber.EventIds);
            Assert.All(subscriber.Deliveries, d => Assert.Equal(1, d.Attempt));
        }

        Assert.Equal(OutboxMessageState.Delivered, (await kit.MessageAsync(second)).State);
        Assert.Equal(0, (await kit.Dispatcher(subscribers).DispatchOnceAsync(Ct)).Leased);
    }

    [Fact]
    public async Task DispatchOnceAsync_Delivery_CarriesTheReturnAsTheEventLeftIt()
    {
        var kit = new EventTestKit();
        var created = await kit.CreateReturnAsync();
        var authorized = await kit.AuthorizeAsync(created.Rma);
        var subscriber = new RecordingSubscriber("a");

        await kit.Dispatcher(subscriber).DispatchOnceAsync(Ct);

        var (atCreation, atAuthorization) = (subscriber.Deliveries[0], subscriber.Deliveries[1]);
        Assert.Equal(created, atCreation.Event);
        Assert.Equal(ReturnState.Requested, atCreation.Return.State);
        Assert.Equal(1, atCreation.Return.Version);
        Assert.Equal(authorized, atAuthorization.Event);
        Assert.Equal(ReturnState.Authorized, atAuthorization.Return.State);
        Assert.Equal(2, atAuthorization.Return.Version);
        Assert.Equal(ReturnDocument.ToJson(atAuthorization.Return), atAuthorization.Payload);
    }

    [Fact]
    public async Task DispatchOnceAsync_OneSubscriberFails_RecordsWhoHasItAndRetriesOnlyTheFailedOne()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var a = new RecordingSubscriber("a");
        var b = new RecordingSubscriber("b", RecordingSubscriber.FailFirst(1));
        var c = new RecordingSubscriber("c");
        var dispatcher = kit.Dispatcher(a, b, c);

        var first = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(new OutboxDispatchResult(1, 0, 1, 0), first);
        var failed = await kit.MessageAsync(e);
        Assert.Equal(OutboxMessageState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(["a", "c"], failed.DeliveredTo);
        Assert.Equal("b: endpoint answered 500", failed.LastError);

        kit.Time.Advance(kit.Options.InitialBackoff);
        var second = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(new OutboxDispatchResult(1, 1, 0, 0), second);
        Assert.Single(a.Deliveries);
        Assert.Single(c.Deliveries);
        Assert.Equal([1, 2], b.Deliveries.Select(d => d.Attempt));
        Assert.Equal(OutboxMessageState.Delivered, (await kit.MessageAsync(e)).State);
    }

    [Fact]
    public async Task DispatchOnceAsync_BeforeTheBackoffHasPassed_LeavesTheMessageAlone()
    {
        var kit = new EventTestKit();
        await kit.CreateReturnAsync();
        var failing = new RecordingSubscriber("a", RecordingSubscriber.FailFirst(1));
        var dispatcher = kit.Dispatcher(failing);
        await dispatcher.DispatchOnceAsync(Ct);

        kit.Time.Advance(kit.Options.InitialBackoff - TimeSpan.FromSeconds(1));
        var early = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(OutboxDispatchResult.Nothing, early);
        Assert.Single(failing.Deliveries);
    }

    [Fact]
    public async Task DispatchOnceAsync_RepeatedFailures_BackoffDoublesFromInitialUpToTheCap()
    {
        var kit = new EventTestKit();
        kit.Options.InitialBackoff = TimeSpan.FromSeconds(10);
        kit.Options.MaxBackoff = TimeSpan.FromSeconds(60);
        kit.Options.MaxAttempts = 10;
        var e = await kit.CreateReturnAsync();
        var dispatcher = kit.Dispatcher(new RecordingSubscriber("a", RecordingSubscriber.Always(() => new EventDeliveryException("down"))));
        var waits = new List<double>();

        for (var pass = 0; pass < 6; pass++)
        {
            var result = await dispatcher.DispatchOnceAsync(Ct);
            Assert.Equal(1, result.Retrying);
            var message = await kit.MessageAsync(e);
            Assert.Equal(pass + 1, message.Attempts);
            var wait = message.NextAttemptAt - kit.Time.GetUtcNow();
            waits.Add(wait.TotalSeconds);
            kit.Time.Advance(wait);
        }

        Assert.Equal([10, 20, 40, 60, 60, 60], waits);
    }

    [Theory]
    [InlineData(300, 300)] // asks longer than the 10 s backoff: honoured
    [InlineData(2, 10)] // asks shorter: the backoff still applies
    [InlineData(3600, 600)] // asks beyond MaxBackoff (10 min): capped
    public async Task DispatchOnceAsync_SubscriberAsksForRetryAfter_WaitsTheLongerOfItAndTheBackoff(int retryAfterSeconds, int expectedSeconds)
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var busy = new RecordingSubscriber("a", RecordingSubscriber.FailFirst(1, () => new EventDeliveryException("busy", TimeSpan.FromSeconds(retryAfterSeconds))));
        var other = new RecordingSubscriber("b", RecordingSubscriber.FailFirst(1));
        var dispatcher = kit.Dispatcher(busy, other);

        await dispatcher.DispatchOnceAsync(Ct);

        var message = await kit.MessageAsync(e);
        Assert.Equal(kit.Time.GetUtcNow().AddSeconds(expectedSeconds), message.NextAttemptAt);
        kit.Time.Advance(TimeSpan.FromSeconds(expectedSeconds - 1));
        Assert.Equal(0, (await dispatcher.DispatchOnceAsync(Ct)).Leased);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync(Ct)).Delivered);
    }

    [Fact]
    public async Task DispatchOnceAsync_FailsMaxAttemptsTimes_DeadLettersAndStopsTrying()
    {
        var kit = new EventTestKit();
        kit.Options.MaxAttempts = 3;
        var e = await kit.CreateReturnAsync();
        var failing = new RecordingSubscriber("a", RecordingSubscriber.Always(() => new EventDeliveryException("answered 500")));
        var dispatcher = kit.Dispatcher(failing);
        var results = new List<OutboxDispatchResult>();

        for (var pass = 0; pass < 4; pass++)
        {
            results.Add(await dispatcher.DispatchOnceAsync(Ct));
            kit.Time.Advance(kit.Options.MaxBackoff);
        }

        Assert.Equal([new(1, 0, 1, 0), new(1, 0, 1, 0), new(1, 0, 0, 1), OutboxDispatchResult.Nothing], results);
        Assert.Equal(3, failing.Deliveries.Count);
        var dead = Assert.Single(await dispatcher.ListDeadLettersAsync(cancellationToken: Ct));
        Assert.Equal(e.Id, dead.Event.Id);
        Assert.Equal(OutboxMessageState.DeadLettered, dead.State);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("a: answered 500", dead.LastError);
    }

    [Fact]
    public async Task ReplayAsync_DeadLetter_DeliversAgainToEverySubscriber()
    {
        var kit = new EventTestKit();
        kit.Options.MaxAttempts = 1;
        var e = await kit.CreateReturnAsync();
        var healthy = new RecordingSubscriber("a");
        var broken = new RecordingSubscriber("b", RecordingSubscriber.Always(() => new InvalidOperationException("bug")));
        var dispatcher = kit.Dispatcher(healthy, broken);
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync(Ct)).DeadLettered);
        broken.Behaviour = null;

        var replayed = await dispatcher.ReplayAsync(e.Id, Ct);
        var result = await dispatcher.DispatchOnceAsync(Ct);

        Assert.True(replayed);
        Assert.Equal(new OutboxDispatchResult(1, 1, 0, 0), result);
        Assert.Equal([e.Id, e.Id], healthy.EventIds);
        Assert.Equal([1, 1], broken.Deliveries.Select(d => d.Attempt));
        Assert.Equal(OutboxMessageState.Delivered, (await kit.MessageAsync(e)).State);
        Assert.Empty(await dispatcher.ListDeadLettersAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task ReplayAsync_UnknownEvent_ReturnsFalse()
    {
        var kit = new EventTestKit();

        Assert.False(await kit.Dispatcher(new RecordingSubscriber("a")).ReplayAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task DispatchOnceAsync_SubscriberThrowsAnyException_OthersStillGetItAndOnlyTheTypeIsStored()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var throwing = new RecordingSubscriber("a", RecordingSubscriber.Always(() => new InvalidOperationException("no customer jane@example.com")));
        var synchronous = new ThrowingSynchronously("b");
        var after = new RecordingSubscriber("c");

        var result = await kit.Dispatcher(throwing, synchronous, after).DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Retrying);
        Assert.Equal([e.Id], after.EventIds);
        var message = await kit.MessageAsync(e);
        Assert.Equal(["c"], message.DeliveredTo);
        Assert.Equal("a: InvalidOperationException; b: FormatException", message.LastError);
    }

    [Fact]
    public async Task DispatchOnceAsync_SubscriberTimesOutOnItsOwn_CountsAsAFailure()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var timingOut = new RecordingSubscriber("a", RecordingSubscriber.Always(() => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")));

        var result = await kit.Dispatcher(timingOut).DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Retrying);
        Assert.Equal("a: timed out (TaskCanceledException)", (await kit.MessageAsync(e)).LastError);
    }

    [Fact]
    public async Task DispatchOnceAsync_CancelledDuringDelivery_ThrowsAndRecordsNothing()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        using var stop = new CancellationTokenSource();
        var blocking = new RecordingSubscriber("a", async (_, _) =>
        {
            await stop.CancelAsync();
            stop.Token.ThrowIfCancellationRequested();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.Dispatcher(blocking).DispatchOnceAsync(stop.Token));

        var message = await kit.MessageAsync(e);
        Assert.Equal(OutboxMessageState.Pending, message.State);
        Assert.Equal(0, message.Attempts);
        Assert.Empty(message.DeliveredTo);
    }

    [Fact]
    public async Task DispatchOnceAsync_StoreFailsToRecord_Throws()
    {
        var kit = new EventTestKit(new FailingMarks());
        await kit.CreateReturnAsync();
        var subscriber = new RecordingSubscriber("a");

        var error = await Assert.ThrowsAsync<ReturnStoreException>(() => kit.Dispatcher(subscriber).DispatchOnceAsync(Ct));

        Assert.Contains("database is locked", error.Message, StringComparison.Ordinal);
        Assert.Single(subscriber.Deliveries);
    }

    [Fact]
    public async Task DispatchOnceAsync_MessageCommittedWhileNoDispatcherRan_TheNextDispatcherDeliversIt()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var subscriber = new RecordingSubscriber("a");

        // A fresh dispatcher, as after a restart: the outbox, not memory, says what is owed.
        var result = await kit.Dispatcher(subscriber).DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Delivered);
        Assert.Equal([e.Id], subscriber.EventIds);
    }

    [Fact]
    public async Task DispatchOnceAsync_PreviousDispatcherCrashedHoldingTheLease_DeliveredOnceTheLeaseRunsOut()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        Assert.Single(await kit.Store.LeaseOutboxAsync(10, kit.Time.GetUtcNow(), kit.Options.Lease, Ct));
        var subscriber = new RecordingSubscriber("a");
        var dispatcher = kit.Dispatcher(subscriber);

        var whileLeased = await dispatcher.DispatchOnceAsync(Ct);
        kit.Time.Advance(kit.Options.Lease);
        var afterLease = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(OutboxDispatchResult.Nothing, whileLeased);
        Assert.Equal(1, afterLease.Delivered);
        Assert.Equal([e.Id], subscriber.EventIds);
    }

    [Fact]
    public async Task DispatchOnceAsync_LeaseRunsOutDuringThePass_LeavesTheRestForTheNextLease()
    {
        var kit = new EventTestKit();
        var first = await kit.CreateReturnAsync();
        var second = await kit.CreateReturnAsync();
        var slow = new RecordingSubscriber("a", (_, call) =>
        {
            if (call == 1)
            {
                kit.Time.Advance(kit.Options.Lease);
            }

            return Task.CompletedTask;
        });
        var dispatcher = kit.Dispatcher(slow);

        var result = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(new OutboxDispatchResult(2, 1, 0, 0), result);
        Assert.Equal([first.Id], slow.EventIds);
        Assert.Equal(OutboxMessageState.Pending, (await kit.MessageAsync(second)).State);
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync(Ct)).Delivered);
        Assert.Equal([first.Id, second.Id], slow.EventIds);
    }

    [Fact]
    public async Task DispatchOnceAsync_MoreDueThanTheBatchSize_TakesOneBatchInSequenceOrder()
    {
        var kit = new EventTestKit();
        kit.Options.BatchSize = 2;
        var events = new List<ReturnEvent>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(await kit.CreateReturnAsync());
        }

        var subscriber = new RecordingSubscriber("a");
        var dispatcher = kit.Dispatcher(subscriber);

        Assert.Equal(2, (await dispatcher.DispatchOnceAsync(Ct)).Delivered);
        Assert.Equal(1, (await dispatcher.DispatchOnceAsync(Ct)).Delivered);
        Assert.Equal(events.Select(e => e.Id), subscriber.EventIds);
    }

    [Fact]
    public async Task DispatchOnceAsync_NoSubscribers_LeavesTheOutboxUntouched()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();

        var result = await kit.Dispatcher().DispatchOnceAsync(Ct);

        Assert.Equal(OutboxDispatchResult.Nothing, result);
        Assert.Equal(OutboxMessageState.Pending, (await kit.MessageAsync(e)).State);
        Assert.Single(await kit.Store.LeaseOutboxAsync(10, kit.Time.GetUtcNow(), kit.Options.Lease, Ct));
    }

    [Fact]
    public async Task DispatchOnceAsync_DeliveredToASubscriberNoLongerRegistered_KeepsItsName()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        await kit.Dispatcher(new RecordingSubscriber("old"), new RecordingSubscriber("b", RecordingSubscriber.FailFirst(1))).DispatchOnceAsync(Ct);
        kit.Time.Advance(kit.Options.MaxBackoff);

        await kit.Dispatcher(new RecordingSubscriber("b", RecordingSubscriber.FailFirst(1)), new RecordingSubscriber("c")).DispatchOnceAsync(Ct);

        Assert.Equal(["old", "c"], (await kit.MessageAsync(e)).DeliveredTo);
    }

    [Fact]
    public void Constructor_TwoSubscribersWithOneName_Throws()
    {
        var kit = new EventTestKit();

        var error = Assert.Throws<ArgumentException>(() => kit.Dispatcher(new RecordingSubscriber("webhook:shop"), new RecordingSubscriber("webhook:shop")));

        Assert.Contains("'webhook:shop'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize))]
    [InlineData(nameof(OutboxDispatcherOptions.MaxAttempts))]
    [InlineData(nameof(OutboxDispatcherOptions.InitialBackoff))]
    [InlineData(nameof(OutboxDispatcherOptions.Lease))]
    [InlineData(nameof(OutboxDispatcherOptions.PollInterval))]
    public void Constructor_OptionOutOfRange_ThrowsNamingIt(string property)
    {
        var kit = new EventTestKit();
        switch (property)
        {
            case nameof(OutboxDispatcherOptions.BatchSize): kit.Options.BatchSize = 0; break;
            case nameof(OutboxDispatcherOptions.MaxAttempts): kit.Options.MaxAttempts = 0; break;
            case nameof(OutboxDispatcherOptions.InitialBackoff): kit.Options.InitialBackoff = kit.Options.MaxBackoff * 2; break;
            case nameof(OutboxDispatcherOptions.Lease): kit.Options.Lease = TimeSpan.Zero; break;
            default: kit.Options.PollInterval = TimeSpan.FromDays(2); break;
        }

        var error = Assert.Throws<OptionsValidationException>(() => kit.Dispatcher(new RecordingSubscriber("a")));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    // Throws before returning a task, as a careless synchronous implementation does.
    private sealed class ThrowingSynchronously(string name) : IReturnEventSubscriber
    {
        public string Name { get; } = name;

        public Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken) => throw new FormatException("bad");
    }

    private sealed class FailingMarks : StoreDecorator
    {
        public override Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) =>
            throw new ReturnStoreException("database is locked");
    }
}
