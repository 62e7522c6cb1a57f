using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.SelfService.Internal;

/// <summary>Units of an order already on returns in the store, so no unit can come back twice through two channels.</summary>
internal static class ReturnedUnits
{
    /// <summary>Counts the units of <paramref name="orderNumber"/> on live returns, by order line.</summary>
    /// <param name="store">The return store.</param>
    /// <param name="orderNumber">The order.</param>
    /// <param name="except">A return not to count (the one being completed).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Units by line id.</returns>
    public static async Task<Dictionary<string, int>> CountAsync(IReturnStore store, string orderNumber, RmaNumber? except, CancellationToken cancellationToken)
    {
        var returned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var other in await store.FindByOrderAsync(orderNumber, cancellationToken).ConfigureAwait(false))
        {
            // A rejected, cancelled or expired return gave its units back.
            if (other.Rma == except || other.State is ReturnState.Rejected or ReturnState.Cancelled or ReturnState.Expired)
            {
                continue;
            }

            foreach (var line in other.Lines.Where(l => l.OrderNumber == orderNumber))
            {
                returned[line.LineId] = returned.GetValueOrDefault(line.LineId) + line.Quantity;
            }
        }

        return returned;
    }
}
