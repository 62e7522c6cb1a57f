using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Ups.Internal;

// Holds one OAuth access token (client credentials) and replaces it shortly before it expires. Callers share the
// token; when it must be fetched, one caller fetches while the others wait for that same answer, so a burst of calls
// after expiry costs UPS exactly one token request.
#pragma warning disable CA1001 // SemaphoreSlim holds no unmanaged resource unless AvailableWaitHandle is read, which it never is here.
internal sealed class UpsTokenProvider(IOptionsMonitor<UpsOptions> options, TimeProvider timeProvider, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
{
    // UPS documents no lifetime other than expires_in; when it is missing or unreadable, a short one is assumed.
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Valid(Volatile.Read(ref _current)) is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (Valid(Volatile.Read(ref _current)) is { } refreshed)
            {
                return refreshed;
            }

            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fetched);
            return fetched.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Forgets a token UPS refused, unless another caller already replaced it.
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && string.Equals(current.Value, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    private string? Valid(CachedToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var message = new HttpRequestMessage(HttpMethod.Post, "security/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.ClientId + ":" + settings.ClientSecret));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        if (!string.IsNullOrEmpty(settings.AccountNumber))
        {
            message.Headers.Add("x-merchant-id", settings.AccountNumber);
        }

        // Asking for a token has no side effect, so this POST may be retried.
        message.WithRetries(true);
        using var response = await send(message, cancellationToken).ConfigureAwait(false);
        var received = timeProvider.GetUtcNow();
        UpsToken? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(UpsJsonContext.Default.UpsToken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(UpsCarrier.Id, exception, cancellationToken, out var mapped))
        {
            throw mapped;
        }

        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new CarrierUnauthorizedException(UpsCarrier.Id, "UPS answered the token request without an access token.");
        }

        var lifetime = long.TryParse(body.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : FallbackLifetime;

        // A margin larger than half the lifetime would refresh on every call; a token then lives half its time.
        var margin = settings.TokenRefreshMargin < lifetime / 2 ? settings.TokenRefreshMargin : lifetime / 2;
        return new CachedToken(body.AccessToken, received + lifetime - margin);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
#pragma warning restore CA1001
