using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Events;

public sealed class EventDeliveryRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(EventTestKit kit, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(kit.Time);
        services.AddSingleton(kit.Store);
        services.AddSingleton<HandlerLog>();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [Fact]
    public async Task AddEventHandler_FilteredByType_HandlerGetsOnlyThoseWithTheParsedReturnInAFreshScope()
    {
        var kit = new EventTestKit();
        var created = await kit.CreateReturnAsync();
        var authorized = await kit.AuthorizeAsync(created.Rma);
        var other = await kit.CreateReturnAsync();
        var otherAuthorized = await kit.AuthorizeAsync(other.Rma);
        using var provider = Build(kit, s => s.AddReturns().AddEventDelivery().AddEventHandler<AuthorizedHandler>(ReturnEventTypes.Authorized));
        var log = provider.GetRequiredService<HandlerLog>();

        var result = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(new OutboxDispatchResult(4, 4, 0, 0), result);
        Assert.Equal([(authorized.Id, ReturnState.Authorized, 2L), (otherAuthorized.Id, ReturnState.Authorized, 2L)], log.Handled);
        Assert.Equal(2, log.Instances.Distinct().Count());
        Assert.Equal(2, log.Disposed);
        Assert.Equal("handler:" + typeof(AuthorizedHandler).FullName, Assert.Single(provider.GetRequiredService<OutboxDispatcher>().SubscriberNames));
    }

    [Fact]
    public async Task AddEventHandler_HandlerThrows_RetriedLikeAnySubscriber()
    {
        var kit = new EventTestKit();
        var e = await kit.CreateReturnAsync();
        using var provider = Build(kit, s => s.AddReturns().AddEventDelivery().AddEventHandler<FailingOnceHandler>());
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

        var first = await dispatcher.DispatchOnceAsync(Ct);
        kit.Time.Advance(new OutboxDispatcherOptions().InitialBackoff);
        var second = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(1, first.Retrying);
        Assert.Equal(1, second.Delivered);
        Assert.Equal(2, provider.GetRequiredService<HandlerLog>().Instances.Count);
        Assert.Equal(OutboxMessageState.Delivered, (await kit.MessageAsync(e)).State);
    }

    [Fact]
    public void AddEventHandler_UnknownEventType_ThrowsNamingIt()
    {
        var builder = new ServiceCollection().AddReturns();

        var error = Assert.Throws<ArgumentException>(() => builder.AddEventHandler<AuthorizedHandler>("return.refund"));

        Assert.Contains("'return.refund'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEventHandler_Twice_OneSubscriberWithTheLastFilter()
    {
        var kit = new EventTestKit();
        using var provider = Build(kit, s => s.AddReturns().AddEventDelivery()
            .AddEventHandler<AuthorizedHandler>(ReturnEventTypes.Created)
            .AddEventHandler<AuthorizedHandler>(ReturnEventTypes.Authorized));

        Assert.Single(provider.GetRequiredService<OutboxDispatcher>().SubscriberNames);
    }

    [Fact]
    public void AddEventDelivery_Twice_RegistersOneDispatcherAndOneHostedService()
    {
        var kit = new EventTestKit();
        using var provider = Build(kit, s => s.AddReturns().AddEventDelivery().AddEventDelivery(o => o.BatchSize = 7));

        Assert.IsType<OutboxDispatcherService>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(7, provider.GetRequiredService<IOptions<OutboxDispatcherOptions>>().Value.BatchSize);
        Assert.Same(provider.GetRequiredService<OutboxDispatcher>(), provider.GetRequiredService<OutboxDispatcher>());
    }

    [Fact]
    public void AddEventDelivery_InvalidOptions_FailWhenTheDispatcherIsResolved()
    {
        var kit = new EventTestKit();
        using var provider = Build(kit, s => s.AddReturns().AddEventDelivery(o => o.MaxAttempts = 0));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OutboxDispatcher>());

        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    private sealed class HandlerLog
    {
        private readonly Lock _gate = new();

        public List<(Guid, ReturnState, long)> Handled { get; } = [];

        public List<object> Instances { get; } = [];

        public int Disposed { get; set; }

        public void Add(object instance, ReturnEvent e, ReturnRequest r)
        {
            lock (_gate)
            {
                Instances.Add(instance);
                Handled.Add((e.Id, r.State, r.Version));
            }
        }
    }

    private sealed class AuthorizedHandler(HandlerLog log) : IReturnEventHandler, IDisposable
    {
        public Task HandleAsync(ReturnEvent @event, ReturnRequest @return, CancellationToken cancellationToken)
        {
            log.Add(this, @event, @return);
            return Task.CompletedTask;
        }

        public void Dispose() => log.Disposed++;
    }

    private sealed class FailingOnceHandler(HandlerLog log) : IReturnEventHandler
    {
        public Task HandleAsync(ReturnEvent @event, ReturnRequest @return, CancellationToken cancellationToken)
        {
            log.Add(this, @event, @return);
            return log.Instances.Count == 1 ? throw new InvalidOperationException("ERP down") : Task.CompletedTask;
        }
    }
}
