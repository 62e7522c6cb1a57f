using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Refund.Gateway.Sample.Internal;

// The gateway's defaults on top of the standard pipeline.
internal static class RefundResilience
{
    private static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    public static void Apply(HttpStandardResilienceOptions resilience, TimeSpan timeout, TimeProvider timeProvider)
    {
        resilience.TotalRequestTimeout.Timeout = timeout;
        resilience.AttemptTimeout.Timeout = timeout < DefaultAttemptTimeout ? timeout : DefaultAttemptTimeout;

        // The standard retry already retries POST (safe here: same Idempotency-Key) and waits for Retry-After; it
        // only must not start a wait the total timeout would cut short, which would turn a clear 429/503 into a timeout.
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !args.Context.CancellationToken.IsCancellationRequested
            && !(RetryAfter(args.Outcome, timeProvider) >= timeout));
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider)
    {
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable, Headers.RetryAfter: { } retryAfter })
        {
            return null;
        }

        return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : null);
    }
}
