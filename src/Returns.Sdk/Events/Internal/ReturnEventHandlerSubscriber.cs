using Microsoft.Extensions.DependencyInjection;

namespace Returns.Sdk.Events.Internal;

// Adapts an application's IReturnEventHandler to the outbox: a fresh scope per delivery, because handlers commonly
// depend on scoped services such as a DbContext.
internal sealed class ReturnEventHandlerSubscriber<THandler> : IReturnEventSubscriber
    where THandler : class, IReturnEventHandler
{
    private readonly IServiceScopeFactory _scopes;
    private readonly EventHandlerFilter<THandler> _filter;

    public ReturnEventHandlerSubscriber(IServiceScopeFactory scopes, EventHandlerFilter<THandler> filter)
    {
        _scopes = scopes;
        _filter = filter;
    }

    public string Name { get; } = NameOf(typeof(THandler));

    public static string NameOf(Type handlerType) => "handler:" + (handlerType.FullName ?? handlerType.Name);

    public async Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!_filter.Accepts(delivery.Event.Type))
        {
            return;
        }

        var @return = delivery.Return;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<THandler>();
            await handler.HandleAsync(delivery.Event, @return, cancellationToken).ConfigureAwait(false);
        }
    }
}
