using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Events;
using Returns.Sdk.Events.Internal;
using Returns.Sdk.Lifecycle;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers event delivery from the outbox.</summary>
public static class EventDeliveryReturnsBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="OutboxDispatcher"/> with validated options and the <see cref="OutboxDispatcherService"/>
    /// that runs it in the background. It needs an <see cref="IReturnStore"/> and at least one subscriber
    /// (<c>AddWebhook</c>, <see cref="AddEventHandler{THandler}"/>, or any <see cref="IReturnEventSubscriber"/> singleton).
    /// Every process that delivers from one store must register the same subscribers. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddEventDelivery(this IReturnsBuilder builder, Action<OutboxDispatcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptionsWithValidateOnStart<OutboxDispatcherOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxDispatcherOptions>, OutboxDispatcherOptionsValidator>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        return builder;
    }

    /// <summary>
    /// Registers an in-process handler as a subscriber named <c>handler:&lt;full type name&gt;</c>. The handler is
    /// registered as scoped (unless already registered) and resolved in a new scope for every delivery.
    /// Registering the same handler again replaces its event-type filter.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="eventTypes">The <see cref="ReturnEventTypes"/> it wants; none for all. Other events count as delivered to it.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">An event type that the SDK does not emit.</exception>
    public static IReturnsBuilder AddEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IReturnsBuilder builder, params string[] eventTypes)
        where THandler : class, IReturnEventHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        var filter = new EventHandlerFilter<THandler>(KnownEventTypes.Validate(eventTypes, nameof(eventTypes)));
        var services = builder.Services;
        services.TryAddScoped<THandler>();
        services.Replace(ServiceDescriptor.Singleton(filter));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReturnEventSubscriber, ReturnEventHandlerSubscriber<THandler>>());
        return builder;
    }
}
