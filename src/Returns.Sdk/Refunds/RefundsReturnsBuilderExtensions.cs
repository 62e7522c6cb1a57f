using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Orders;
using Returns.Sdk.Refunds;
using Returns.Sdk.Refunds.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers refund orchestration.</summary>
public static class RefundsReturnsBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="RefundOrchestrator"/> with validated <see cref="RefundOptions"/>, and an event handler that
    /// refunds when lifecycle events reach the policy's timing (it runs where <c>AddEventDelivery()</c> runs). Needs a
    /// return store, a policy (<c>AddReturnPolicy</c>), an <see cref="IOrderSource"/> and an <see cref="IRefundGateway"/>.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Tunes leases, waits and the reason taxonomy.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddRefunds(this IReturnsBuilder builder, Action<RefundOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptionsWithValidateOnStart<RefundOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RefundOptions>, RefundOptionsValidator>());
        builder.Services.TryAddSingleton<RefundOrchestrator>();
        return builder.AddEventHandler<RefundOnProgressHandler>(RefundOnProgressHandler.EventTypes);
    }

    /// <summary>Registers the payment platform refunds are paid through, as a singleton.</summary>
    /// <typeparam name="TGateway">The gateway.</typeparam>
    /// <param name="builder">The returns builder.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddRefundGateway<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGateway>(this IReturnsBuilder builder)
        where TGateway : class, IRefundGateway
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IRefundGateway, TGateway>());
        return builder;
    }

    /// <summary>Registers a payment platform instance, e.g. an <see cref="InMemoryRefundGateway"/>.</summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="gateway">The gateway.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddRefundGateway(this IReturnsBuilder builder, IRefundGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gateway);
        builder.Services.Replace(ServiceDescriptor.Singleton(gateway));
        return builder;
    }

    /// <summary>Registers where orders are read.</summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="orders">The order source, e.g. an <see cref="InMemoryOrderSource"/>.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddOrderSource(this IReturnsBuilder builder, IOrderSource orders)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(orders);
        builder.Services.Replace(ServiceDescriptor.Singleton(orders));
        return builder;
    }
}
