using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers.Internal;

namespace Returns.Sdk.Carriers;

/// <summary>
/// Asks every registered carrier for quotes in parallel under one deadline. A slow or broken carrier never holds the
/// others back: at the deadline the result holds the quotes that arrived and names every carrier left out, and why.
/// </summary>
public sealed partial class CarrierRateShopper
{
    private readonly CarrierAdapter[] _carriers;
    private readonly IOptionsMonitor<CarrierOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CarrierRateShopper> _logger;

    /// <summary>Creates the rate shopper.</summary>
    /// <param name="carriers">The registered carriers; ids must be unique.</param>
    /// <param name="options">The deadline.</param>
    /// <param name="timeProvider">The clock the deadline runs on.</param>
    /// <param name="logger">Where omitted carriers are logged; nowhere when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Two carriers share an id.</exception>
    public CarrierRateShopper(IEnumerable<CarrierAdapter> carriers, IOptionsMonitor<CarrierOptions> options, TimeProvider timeProvider, ILogger<CarrierRateShopper>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(carriers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _carriers = [.. carriers];
        if (_carriers.GroupBy(c => c.CarrierId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Carrier id '{duplicate.Key}' is registered {duplicate.Count()} times; each adapter needs its own id.", nameof(carriers));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<CarrierRateShopper>.Instance;
    }

    /// <summary>The registered carriers.</summary>
    public IReadOnlyList<CarrierAdapter> Carriers => _carriers;

    /// <summary>Quotes a parcel with every carrier that can carry it.</summary>
    /// <param name="request">The parcel and the two addresses.</param>
    /// <param name="cancellationToken">Cancels the whole call.</param>
    /// <returns>The quotes that arrived in time and the carriers left out.</returns>
    public async Task<RateShoppingResult> QuoteAllAsync(RateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ReturnsDiagnostics.ActivitySource.StartActivity("returns.carriers.quote_all");
        var omissions = new List<CarrierOmission>();
        var calls = new List<(CarrierAdapter Carrier, Task<IReadOnlyList<RateQuote>> Task)>(_carriers.Length);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var carrier in _carriers)
        {
            if (CarrierEligibility.WhyNot(carrier, request) is { } reason)
            {
                omissions.Add(new CarrierOmission(carrier.CarrierId, CarrierOmissionReason.NotApplicable, reason));
                continue;
            }

            // A carrier without live rates prices from a local rate card, so it is asked on this thread; a carrier with
            // live rates goes over the network and is started on the thread pool, so one that blocks holds up no other.
            var call = carrier.Capabilities.Supports(CarrierFeatures.LiveRates) ? CallAsync(carrier, request, deadline.Token) : CallInline(carrier, request, deadline.Token);
            calls.Add((carrier, call));
        }

        var all = Task.WhenAll(calls.Select(c => c.Task));
        if (!all.IsCompleted)
        {
            var timer = Task.Delay(_options.CurrentValue.QuoteDeadline, _timeProvider, cancellationToken);
            if (await Task.WhenAny(all, timer).ConfigureAwait(false) == timer)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        await deadline.CancelAsync().ConfigureAwait(false);

        var quotes = new List<RateQuote>();
        foreach (var (carrier, task) in calls)
        {
            if (task.IsCompletedSuccessfully)
            {
                quotes.AddRange(task.Result);
                continue;
            }

            var omission = task.IsFaulted
                ? Omit(carrier.CarrierId, task.Exception?.InnerException)
                : new CarrierOmission(carrier.CarrierId, CarrierOmissionReason.TimedOut, $"no answer within {_options.CurrentValue.QuoteDeadline.TotalMilliseconds:0} ms.");
            LogOmitted(carrier.CarrierId, omission.Reason, omission.Message);
            omissions.Add(omission);
            if (!task.IsCompleted)
            {
                // Observe a late failure so it is not reported as unobserved.
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        quotes.Sort(static (a, b) =>
        {
            var byPrice = a.Price.Currency == b.Price.Currency ? a.Price.Amount.CompareTo(b.Price.Amount) : string.CompareOrdinal(a.Price.Currency.Code, b.Price.Currency.Code);
            return byPrice != 0 ? byPrice
                : string.CompareOrdinal(a.CarrierId, b.CarrierId) is var byCarrier and not 0 ? byCarrier
                : string.CompareOrdinal(a.ServiceCode, b.ServiceCode) is var byService and not 0 ? byService
                : a.ReturnMethod.CompareTo(b.ReturnMethod);
        });
        omissions.Sort(static (a, b) => string.CompareOrdinal(a.CarrierId, b.CarrierId));
        activity?.SetTag("returns.carriers.quotes", quotes.Count);
        activity?.SetTag("returns.carriers.omitted", omissions.Count);
        return new RateShoppingResult(quotes, omissions);
    }

    private static async Task<IReadOnlyList<RateQuote>> CallAsync(CarrierAdapter carrier, RateRequest request, CancellationToken cancellationToken)
    {
        // Leave the caller's thread at once: an adapter that blocks before its first await must not hold up the others.
        await Task.Yield();
        return await carrier.QuoteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static Task<IReadOnlyList<RateQuote>> CallInline(CarrierAdapter carrier, RateRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return carrier.QuoteAsync(request, cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<IReadOnlyList<RateQuote>>(exception);
        }
    }

    private static CarrierOmission Omit(string carrierId, Exception? exception) => exception switch
    {
        CarrierException { IsTransient: true } carrier => new CarrierOmission(carrierId, CarrierOmissionReason.TransientFailure, carrier.Message),
        CarrierException carrier => new CarrierOmission(carrierId, CarrierOmissionReason.PermanentFailure, carrier.Message),
        OperationCanceledException => new CarrierOmission(carrierId, CarrierOmissionReason.TimedOut, "cancelled at the deadline."),
        HttpRequestException or TimeoutException => new CarrierOmission(carrierId, CarrierOmissionReason.TransientFailure, exception.Message),
        _ => new CarrierOmission(carrierId, CarrierOmissionReason.PermanentFailure, $"unexpected {exception?.GetType().Name}: {exception?.Message}"),
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Carrier {CarrierId} left out of rate shopping ({Reason}): {Detail}")]
    private partial void LogOmitted(string carrierId, CarrierOmissionReason reason, string detail);
}
