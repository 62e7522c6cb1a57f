using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.AspNetCore;
using Returns.AspNetCore.Internal;
using Returns.AspNetCore.Portal.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the customer portal page and the JSON API behind it.</summary>
public static class ReturnsPortalEndpointRouteBuilderExtensions
{
    private static readonly PageTexts Texts = new("Returns.AspNetCore.Portal.Resources.PortalTexts");
    private static readonly EmbeddedAssets Assets = new("Returns.AspNetCore.Portal.Assets.");

    /// <summary>
    /// Maps the portal's JSON API under <paramref name="prefix"/>: <c>POST session</c> (order lookup, rate limited per
    /// client), <c>GET orders/{orderNumber}</c>, <c>POST orders/{orderNumber}/quote</c>, <c>POST orders/{orderNumber}/returns</c>
    /// (with an <c>Idempotency-Key</c> header), <c>GET orders/{orderNumber}/returns/{rma}</c> and the signed <c>GET labels</c>
    /// link. Every call but the lookup and the label link needs the session token as <c>Authorization: Bearer</c>, bound
    /// to the order in the path; another order answers 404 like an unknown one.
    /// Endpoints carry OpenAPI metadata (tag <c>Returns portal</c>).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The path prefix, e.g. <c>/api/returns</c>.</param>
    /// <returns>The group, to add conventions (e.g. CORS or more rate limiting).</returns>
    public static RouteGroupBuilder MapReturnsApi(this IEndpointRouteBuilder endpoints, string prefix = "/api/returns")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var normalized = Normalize(prefix);
        endpoints.ServiceProvider.GetRequiredService<PortalRoutes>().MapApi(normalized);
        var group = endpoints.MapGroup(normalized).WithTags("Returns portal");
        group.AddEndpointFilter(static async (context, next) =>
        {
            SecurityHeaders.Apply(context.HttpContext.Response, []);
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context).ConfigureAwait(false);
        });

        group.MapPost("/session", PortalApi.CreateSession)
            .WithName("ReturnsCreateSession")
            .WithSummary("Looks an order up by its number and the customer's e-mail or postcode and opens a session bound to it.")
            .Accepts<SessionBody>("application/json")
            .Produces<SessionAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/orders/{orderNumber}", PortalApi.GetOrder)
            .WithName("ReturnsGetOrder")
            .WithSummary("The session's order: each line with what may come back and until when, the returns made, the reasons.")
            .Produces<OrderAnswer>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/orders/{orderNumber}/quote", PortalApi.Quote)
            .WithName("ReturnsQuote")
            .WithSummary("Checks the chosen items against the policy and ranks the ways back, each with its cost, nearest places and expected refund.")
            .Accepts<QuoteBody>("application/json")
            .Produces<QuoteAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/orders/{orderNumber}/returns", PortalApi.Confirm)
            .WithName("ReturnsConfirm")
            .WithSummary("Creates the return with the chosen option and issues its label or QR code; repeat with the same Idempotency-Key to retry.")
            .Accepts<ConfirmBody>("application/json")
            .Produces<ReturnAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/orders/{orderNumber}/returns/{rma}", PortalApi.GetReturn)
            .WithName("ReturnsGetReturn")
            .WithSummary("The status of one of the session's returns.")
            .Produces<ReturnAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/labels", PortalApi.GetLabel)
            .WithName("ReturnsGetLabel")
            .WithSummary("Downloads a return's label through a signed, expiring link.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }

    /// <summary>
    /// Maps the customer portal page at <paramref name="prefix"/> (and its scripts and styles under <c>assets/</c>).
    /// A shop embeds it as <c>&lt;iframe src="https://returns.example/returns?order=…&amp;lang=it&amp;host=https://shop.example"&gt;</c>:
    /// <c>order</c> fills the order number, <c>lang</c> picks English, Italian or French (else the browser's language),
    /// <c>host</c> names which of <see cref="ReturnsPortalOptions.HostOrigins"/> embeds it (needed when there are several).
    /// Needs <see cref="MapReturnsApi"/> too.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The page's path, e.g. <c>/returns</c>.</param>
    /// <returns>The group, to add conventions.</returns>
    public static RouteGroupBuilder MapReturnsPortal(this IEndpointRouteBuilder endpoints, string prefix = "/returns")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var normalized = Normalize(prefix);
        var group = endpoints.MapGroup(normalized).ExcludeFromDescription();
        group.MapGet("/", (HttpContext context, IOptions<ReturnsPortalOptions> options, PortalRoutes routes) => Page(context, options.Value, routes, normalized));
        group.MapGet("/assets/{name}", (HttpContext context, string name) => Assets.Serve(context, name));
        return group;
    }

    private static IResult Page(HttpContext context, ReturnsPortalOptions options, PortalRoutes routes, string prefix)
    {
        var query = context.Request.Query;
        var language = PageTexts.Choose(query["lang"], context.Request.Headers.AcceptLanguage);
        var texts = Texts.For(language);
        var order = query["order"].ToString() is { Length: > 0 and <= 64 } number && !number.AsSpan().ContainsAnyInRange('\0', '\u001f') ? number : null;
        var island = new PortalIsland(context.Request.PathBase + routes.Api, language, PageTexts.Languages, HostOrigin(options, query["host"]), order, texts);
        return PageShell.Render(
            context,
            Assets.ReadText("portal.html"),
            language,
            context.Request.PathBase + prefix,
            texts.GetValueOrDefault("page.title", "Returns"),
            JsonSerializer.Serialize(island, PortalJsonContext.Default.PortalIsland),
            [.. options.HostOrigins]);
    }

    // The portal posts messages only to a configured origin: the one the host names, or the only one there is.
    private static string? HostOrigin(ReturnsPortalOptions options, string? requested)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return options.HostOrigins.FirstOrDefault(o => string.Equals(o, requested, StringComparison.OrdinalIgnoreCase));
        }

        return options.HostOrigins.Count == 1 ? options.HostOrigins[0] : null;
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
