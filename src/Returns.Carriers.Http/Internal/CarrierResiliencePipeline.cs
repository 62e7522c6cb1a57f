using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace Returns.Carriers.Http.Internal;

// Builds one carrier's pipeline, outermost first: total timeout, retry, circuit breaker, attempt timeout.
internal static partial class CarrierResiliencePipeline
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string carrierId, CarrierHttpOptions options, IServiceProvider services)
    {
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Returns.Carriers.Http") ?? NullLogger.Instance;

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });

        if (options.MaxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome, timeProvider)),
                OnRetry = args =>
                {
                    LogRetry(logger, carrierId, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            };
            pipeline.AddRetry(retry);
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            OnOpened = args =>
            {
                LogCircuitOpened(logger, carrierId, args.BreakDuration.TotalMilliseconds);
                return default;
            },
        });

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, CarrierHttpOptions options, TimeProvider timeProvider)
    {
        if (!IsTransient(outcome) || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        if (request is null || !CarrierHttpRequests.IsRetryAllowed(request, options.IdempotencyKeyHeader))
        {
            return false;
        }

        // A carrier asking for a longer pause than we are willing to wait gets its answer surfaced at once.
        return RetryAfterOf(outcome, timeProvider) is not { } wait || wait <= options.MaxRetryAfter;
    }

    private static TimeSpan? RetryAfterOf(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            ? RetryAfterHeader.Read(response, timeProvider)
            : null;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Carrier {CarrierId} attempt failed (status {StatusCode}, exception {ExceptionType}); retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string carrierId, int attempt, int? statusCode, string? exceptionType, double delayMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Carrier {CarrierId} circuit opened for {BreakMs} ms after repeated failures")]
    private static partial void LogCircuitOpened(ILogger logger, string carrierId, double breakMs);
}
