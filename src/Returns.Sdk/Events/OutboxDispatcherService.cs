using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Returns.Sdk.Events;

/// <summary>
/// Runs <see cref="OutboxDispatcher.DispatchOnceAsync"/> in the background: again at once while the outbox yields full
/// batches, otherwise every <see cref="OutboxDispatcherOptions.PollInterval"/>. A failing pass is logged and tried
/// again next interval; stopping the host cancels the pass in progress.
/// </summary>
public sealed partial class OutboxDispatcherService : BackgroundService
{
    private readonly OutboxDispatcher _dispatcher;
    private readonly OutboxDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="dispatcher">The dispatcher.</param>
    /// <param name="options">The options (poll interval, batch size).</param>
    /// <param name="time">The clock the poll interval is measured with.</param>
    /// <param name="logger">The logger.</param>
    public OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<OutboxDispatcherOptions> options, TimeProvider time, ILogger<OutboxDispatcherService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _dispatcher = dispatcher;
        _options = options.Value;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                var result = await _dispatcher.DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
                fullBatch = result.Leased >= _options.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The service outlives a failing pass (a database restart, say); the next pass tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPassFailed(exception, _options.PollInterval);
            }

            if (fullBatch)
            {
                continue;
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "An outbox dispatch pass failed; trying again in {PollInterval}")]
    private partial void LogPassFailed(Exception exception, TimeSpan pollInterval);
}
