using Returns.Sdk;
using Returns.Sdk.Serialization;
using Returns.Sdk.StoreReturns;

namespace Returns.Cli.Output;

/// <summary>The JSON shape of <c>returns store-return --find QUERY --format json</c>.</summary>
/// <param name="Query">What was looked up: an order number, an e-mail address or an RMA number.</param>
/// <param name="Orders">The orders found, newest first; empty when none.</param>
/// <param name="Return">The return, when the query was an RMA number that exists.</param>
internal sealed record OrderLookupJson(string Query, IReadOnlyList<FoundOrderJson> Orders, FoundReturnJson? Return)
{
    /// <summary>Maps a lookup.</summary>
    /// <param name="query">The query.</param>
    /// <param name="lookup">The desk's answer.</param>
    /// <returns>The DTO.</returns>
    public static OrderLookupJson From(string query, StoreOrderLookup lookup) => new(
        query,
        [.. lookup.Orders.Select(FoundOrderJson.From)],
        lookup.Return is { } found
            ? new FoundReturnJson(found.Rma.Value, Names.SnakeCase(found.State.ToString()), [.. found.Lines.Select(l => new FoundLineJson(l.LineId, l.Sku, l.Quantity))])
            : null);
}

/// <summary>An order found.</summary>
/// <param name="Number">The order number.</param>
/// <param name="Channel">The channel that sold it, e.g. <c>web</c>.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="CustomerEmail">The customer's e-mail address, when known.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="Lines">Its lines.</param>
internal sealed record FoundOrderJson(string Number, string Channel, DateTimeOffset PlacedAt, string? CustomerEmail, string Currency, IReadOnlyList<FoundLineJson> Lines)
{
    /// <summary>Maps an order.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The DTO.</returns>
    public static FoundOrderJson From(Order order) => new(
        order.Number,
        order.Channel.ToName(),
        order.PlacedAt,
        order.Customer.Email,
        order.Currency.Code,
        [.. order.Lines.Select(l => new FoundLineJson(l.LineId, l.Sku, l.Quantity))]);
}

/// <summary>A return found by its RMA number.</summary>
/// <param name="Rma">The RMA number.</param>
/// <param name="State">Its state, snake_case.</param>
/// <param name="Lines">What it returns.</param>
internal sealed record FoundReturnJson(string Rma, string State, IReadOnlyList<FoundLineJson> Lines);

/// <summary>An order line, or a line of a return.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Quantity">Units.</param>
internal sealed record FoundLineJson(string LineId, string Sku, int Quantity);
