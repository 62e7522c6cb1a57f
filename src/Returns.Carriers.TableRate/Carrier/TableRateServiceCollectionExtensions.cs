using Returns.Carriers.TableRate;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Locations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the offline table-rate carrier.</summary>
public static class TableRateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the table-rate carrier over a loaded rate card and zone chart. Its drop-off points are those of the
    /// location catalog registered with <c>AddLocationCatalog</c>, when there is one.
    /// </summary>
    /// <param name="builder">The builder from <c>AddReturns()</c>.</param>
    /// <param name="rateCard">The rate card (see <c>RateCard.LoadFileAsync</c>).</param>
    /// <param name="zones">The zone chart (see <c>ZoneMap.LoadFileAsync</c>).</param>
    /// <param name="configure">Its id, label name and tracking prefix.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddTableRateCarrier(this IReturnsBuilder builder, RateCard rateCard, ZoneMap zones, Action<TableRateCarrierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rateCard);
        ArgumentNullException.ThrowIfNull(zones);
        var options = new TableRateCarrierOptions();
        configure?.Invoke(options);

        // Built now, so that a bad id, prefix or empty card fails at registration rather than at the first quote.
        var engine = new TableRateEngine(rateCard, zones);
        _ = new TableRateCarrier(engine, options, TimeProvider.System);
        return builder.AddCarrier(sp => new TableRateCarrier(engine, options, sp.GetRequiredService<TimeProvider>(), sp.GetService<LocationCatalog>() ?? LocationCatalog.Empty));
    }
}
