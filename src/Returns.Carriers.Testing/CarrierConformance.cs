using Returns.Carriers.Testing.Internal;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Testing;

/// <summary>
/// The conformance kit: runs the contract every adapter must honour against one adapter and reports each check.
/// From any test framework, one line certifies an adapter:
/// <code>await CarrierConformance.AssertConformsAsync(adapter, scenario);</code>
/// </summary>
public static class CarrierConformance
{
    /// <summary>Runs every check that applies to the adapter's declared capabilities.</summary>
    /// <param name="adapter">The adapter under test.</param>
    /// <param name="scenario">What to exercise it with.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<ConformanceReport> RunAsync(CarrierAdapter adapter, ConformanceScenario scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new ConformanceRun(adapter, scenario, cancellationToken);
        await run.ExecuteAsync().ConfigureAwait(false);
        return new ConformanceReport(SafeId(adapter), run.Checks);
    }

    /// <summary>Runs every check and throws when any fails.</summary>
    /// <param name="adapter">The adapter under test.</param>
    /// <param name="scenario">What to exercise it with.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report, when every check passed.</returns>
    /// <exception cref="CarrierConformanceException">A check failed; the message lists every failure.</exception>
    public static async Task<ConformanceReport> AssertConformsAsync(CarrierAdapter adapter, ConformanceScenario scenario, CancellationToken cancellationToken = default)
    {
        var report = await RunAsync(adapter, scenario, cancellationToken).ConfigureAwait(false);
        return report.Passed ? report : throw new CarrierConformanceException(report);
    }

    private static string SafeId(CarrierAdapter adapter)
    {
        try
        {
            return adapter.CarrierId ?? "(null)";
        }
#pragma warning disable CA1031 // A broken adapter is what the kit exists to report, not to crash on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "(throws)";
        }
    }
}
