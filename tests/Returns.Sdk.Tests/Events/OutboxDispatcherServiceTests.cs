using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Events;

public sealed class OutboxDispatcherServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboxDispatcherService Service(EventTestKit kit, params IReturnEventSubscriber[] subscribers) =>
        new(kit.Dispatcher(subscribers), Options.Create(kit.Options), kit.Time);

    // Moves the fake clock on until the condition holds; the service's delay only ends when the clock passes it.
    private static async Task AdvanceUntilAsync(EventTestKit kit, Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            kit.Time.Advance(kit.Options.PollInterval);
            await Task.Delay(5, Ct);
        }

        Assert.True(condition(), "the condition did not hold after 2000 poll intervals");
    }

    [Fact]
    public async Task ExecuteAsync_EventCommittedWhileRunning_DeliveredOnALaterPoll()
    {
        var kit = new EventTestKit();
        var subscriber = new RecordingSubscriber("a");
        using var service = Service(kit, subscriber);
        await service.StartAsync(Ct);

        var e = await kit.CreateReturnAsync();
        await AdvanceUntilAsync(kit, () => subscriber.Deliveries.Count > 0);
        await service.StopAsync(Ct);

        Assert.Equal([e.Id], subscriber.EventIds);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExecuteAsync_FailedDelivery_RetriedByTheLoopAfterTheBackoff()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var subscriber = new RecordingSubscriber("a", RecordingSubscriber.FailFirst(2));
        using var service = Service(kit, subscriber);
        await service.StartAsync(Ct);

        await AdvanceUntilAsync(kit, () => subscriber.Deliveries.Count >= 3);
        await service.StopAsync(Ct);

        Assert.Equal([1, 2, 3], subscriber.Deliveries.Select(d => d.Attempt));
        Assert.Equal(OutboxMessageState.Delivered, (await kit.MessageAsync(e)).State);
    }

    [Fact]
    public async Task ExecuteAsync_PassFailsOnTheStore_KeepsRunningAndDeliversLater()
    {
        var store = new FlakyLease(failures: 3);
        var kit = new EventTestKit(store);
        var e = await kit.CreateReturnAsync();
        var subscriber = new RecordingSubscriber("a");
        using var service = Service(kit, subscriber);
        await service.StartAsync(Ct);

        await AdvanceUntilAsync(kit, () => subscriber.Deliveries.Count > 0);
        await service.StopAsync(Ct);

        Assert.True(store.Calls > 3);
        Assert.Equal([e.Id], subscriber.EventIds);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StopAsync_DuringADeliveryThatWaitsForever_CancelsItAndCompletes()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new HangingSubscriber(started);
        using var service = Service(kit, hanging);
        await service.StartAsync(Ct);
        await started.Task.WaitAsync(Ct);

        // StopAsync with a token that never fires returns only when ExecuteAsync has returned.
        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.True(hanging.SawCancellation);
        var message = await kit.MessageAsync(e);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(OutboxMessageState.Pending, message.State);
    }

    [Fact]
    public async Task StopAsync_WhileWaitingForTheNextPoll_Completes()
    {
        var kit = new EventTestKit();
        await kit.CreateReturnAsync();
        var subscriber = new RecordingSubscriber("a");
        using var service = Service(kit, subscriber);
        await service.StartAsync(Ct);

        // Once the first pass has delivered, the loop is (or is about to be) waiting for the poll interval.
        await AdvanceUntilAsync(kit, () => subscriber.Deliveries.Count > 0);
        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    private sealed class HangingSubscriber(TaskCompletionSource started) : IReturnEventSubscriber
    {
        public string Name => "hanging";

        public bool SawCancellation { get; private set; }

        public async Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        }
    }

    private sealed class FlakyLease(int failures) : StoreDecorator
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new ReturnStoreException("database restarting")
                : base.LeaseOutboxAsync(maxCount, now, lease, cancellationToken);
    }
}
