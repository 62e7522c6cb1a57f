using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Returns.AspNetCore.Portal.Internal;

/// <summary>
/// Limits order lookups per client address with a fixed window, inside the endpoint itself: the limit holds even when
/// the host application never calls <c>UseRateLimiter()</c>. Behind a proxy the host must apply forwarded headers so
/// the remote address is the customer's.
/// </summary>
internal sealed class LookupRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public LookupRateLimiter(IOptions<ReturnsPortalOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.LookupsPerWindow,
                Window = settings.LookupWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public RateLimitLease Acquire(HttpContext context) => _limiter.AttemptAcquire(context);

    public void Dispose() => _limiter.Dispose();
}
