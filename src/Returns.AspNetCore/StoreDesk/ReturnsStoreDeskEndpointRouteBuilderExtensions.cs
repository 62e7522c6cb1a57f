using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.AspNetCore.Internal;
using Returns.AspNetCore.StoreDesk;
using Returns.AspNetCore.StoreDesk.Internal;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Refunds;
using Returns.Sdk.StoreReturns;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the store desk: the page store associates process web orders returned in their store with, and its JSON API.</summary>
public static class ReturnsStoreDeskEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the store desk under <paramref name="prefix"/>: the page at <c>/</c> (English, Italian or French from
    /// <c>?lang=</c>, else the browser's language), its scripts and styles under <c>/assets/</c>, and the API the page
    /// calls: <c>GET api/orders?query=</c> (by order number, e-mail or a portal return's QR code), <c>POST api/preview</c>
    /// and <c>POST api/confirm</c> (with an <c>Idempotency-Key</c> header; the same key never refunds twice).
    /// Every endpoint requires <see cref="StoreDeskEndpointOptions.AuthorizationPolicy"/> (else the application's default
    /// policy) and an associate with one <see cref="StoreDeskEndpointOptions.StoreIdClaimType"/> claim: an anonymous
    /// request is challenged by the application's scheme, an associate without a store is forbidden. The store is
    /// always the associate's; the API takes JSON only (415 otherwise), so cross-site form posts cannot reach it. The
    /// page may not be framed. Needs <c>AddStoreReturnDesk</c>, authentication and authorization.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The desk's path, e.g. <c>/store-desk</c>.</param>
    /// <returns>The group, to add conventions (e.g. rate limiting).</returns>
    /// <exception cref="InvalidOperationException">The store desk service is not registered, or the options are not usable.</exception>
    public static RouteGroupBuilder MapReturnsStoreDesk(this IEndpointRouteBuilder endpoints, string prefix = "/store-desk")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var normalized = Normalize(prefix);
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(StoreReturnDesk)))
        {
            throw new InvalidOperationException("The store desk needs the SDK's StoreReturnDesk: call services.AddReturns()…AddStoreReturnDesk(o => …) before mapping it.");
        }

        var options = services.GetRequiredService<IOptions<StoreDeskEndpointOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.StoreIdClaimType))
        {
            throw new InvalidOperationException($"{nameof(StoreDeskEndpointOptions)}.{nameof(StoreDeskEndpointOptions.StoreIdClaimType)} must name the claim that holds the associate's store.");
        }

        if (options.AuthorizationPolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            throw new InvalidOperationException($"{nameof(StoreDeskEndpointOptions)}.{nameof(StoreDeskEndpointOptions.AuthorizationPolicy)} is blank; leave it null for the default policy.");
        }

        var claimType = options.StoreIdClaimType;
        var api = new StoreDeskApi(claimType, normalized);
        var group = endpoints.MapGroup(normalized).WithTags("Returns store desk");
        _ = options.AuthorizationPolicy is { } name ? group.RequireAuthorization(name) : group.RequireAuthorization();

        // Combined with the policy above: signed in, and a store and an associate id the desk can act for.
        group.RequireAuthorization(p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(c => DeskAssociate.TryRead(c.User, claimType, out _)));
        group.AddEndpointFilter(static async (context, next) =>
        {
            SecurityHeaders.Apply(context.HttpContext.Response, []);
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context).ConfigureAwait(false);
        });

        group.MapGet("/", (HttpContext context, [FromServices] IOptions<RefundOptions> refunds) => api.Page(context, refunds.Value))
            .ExcludeFromDescription();
        group.MapGet("/assets/{name}", static (HttpContext context, string name) => StoreDeskApi.Asset(context, name))
            .ExcludeFromDescription();
        group.MapGet("/api/orders", static (HttpContext context, [FromQuery] string? query, [FromServices] StoreReturnDesk desk, [FromServices] IReturnStore store) =>
                StoreDeskApi.FindOrders(context, query, desk, store))
            .WithName("ReturnsStoreDeskFindOrders")
            .WithSummary("Finds web orders by order number, customer e-mail or a portal return's RMA number, with the units left to return and the open returns.")
            .Produces<LookupAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/api/preview", (HttpContext context, [FromServices] StoreReturnDesk desk) => api.Preview(context, desk))
            .WithName("ReturnsStoreDeskPreview")
            .WithSummary("Checks, grades, routes and prices the scanned items for the associate's store; records nothing.")
            .Accepts<DeskReturnBody>("application/json")
            .Produces<PreviewAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/api/confirm", (HttpContext context, [FromServices] StoreReturnDesk desk, [FromServices] IReturnStore store, [FromServices] IOrderSource orders) =>
                api.Confirm(context, desk, store, orders))
            .WithName("ReturnsStoreDeskConfirm")
            .WithSummary("Records the store return and refunds the original payment through the e-commerce platform; send it again with the same Idempotency-Key to retry.")
            .Accepts<DeskReturnBody>("application/json")
            .Produces<ReceiptAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return group;
    }

    private static string Normalize(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException($"The prefix '{prefix}' must start with '/'.", nameof(prefix));
        }

        return prefix.Length > 1 ? prefix.TrimEnd('/') : prefix;
    }
}
