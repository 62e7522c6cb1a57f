using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Calls_SucceedingAndFailing_LogNoSecretsNamesOrTrackingNumbers()
    {
        var sink = new CapturingLoggerProvider();
        using (var host = new DhlTestHost(configureServices: s => s.AddLogging(l => l.AddProvider(sink).SetMinimumLevel(LogLevel.Trace))))
        {
            var ct = TestContext.Current.CancellationToken;
            await host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-log"), ct);
            await host.Adapter.TrackAsync(DhlTestHost.ShipmentNo, ct);
            await host.Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(50.72, 7.12), 10, 5), ct);
            await Assert.ThrowsAnyAsync<CarrierException>(() => host.Adapter.TrackAsync("FAIL401", ct));
            await Assert.ThrowsAnyAsync<CarrierException>(() => host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-log-400", new Address(CountryCode.Parse("DE"), "0000") { Name = "Erika Mustermann", Line1 = "Hauptstr. 5", City = "Bonn" }), ct));
        }

        Assert.Contains(sink.Messages, m => m.Contains("created a return label", StringComparison.Ordinal));
        Assert.All(sink.Messages, m =>
        {
            foreach (var secret in new[] { DhlTestHost.ApiKey, DhlTestHost.Password, "Mustermann", "erika@example.org", DhlTestHost.ShipmentNo, "Charles-de-Gaulle", "RMA-2030-0042" })
            {
                Assert.DoesNotContain(secret, m, StringComparison.Ordinal);
            }
        });
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentBag<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Messages.Add(formatter(state, exception) + " " + exception?.Message);
        }
    }
}
