using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Returns.Webhooks.Tests;

public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly WebhookTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Answer(int status, Func<IResponseBuilder, IResponseBuilder>? more = null) =>
        _kit.Server.Given(Request.Create().WithPath("/hooks/returns").UsingPost())
            .RespondWith((more ?? (r => r))(Response.Create().WithStatusCode(status)));

    // Answers the first `failures` requests with `failure`, then 200.
    private void FailThenSucceed(int failures, Func<IResponseBuilder> failure)
    {
        for (var i = 0; i < failures; i++)
        {
            var given = _kit.Server.Given(Request.Create().WithPath("/hooks/returns").UsingPost()).InScenario("retry");
            (i == 0 ? given : given.WhenStateIs($"s{i}")).WillSetStateTo($"s{i + 1}").RespondWith(failure());
        }

        _kit.Server.Given(Request.Create().WithPath("/hooks/returns").UsingPost()).InScenario("retry").WhenStateIs($"s{failures}")
            .RespondWith(Response.Create().WithStatusCode(200));
    }

    private IReadOnlyList<WireMock.Logging.ILogEntry> Received => [.. _kit.Server.LogEntries.OrderBy(e => e.RequestMessage!.DateTime)];

    private static string Header(WireMock.Logging.ILogEntry entry, string name) =>
        Assert.Single(entry.RequestMessage!.Headers!.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value);

    [Fact]
    public async Task DispatchOnceAsync_EndpointAnswers200_ReceiverGetsASignedEnvelopeWithTheReturnDocument()
    {
        Answer(200);
        using var provider = _kit.Build();
        var e = await _kit.CreateReturnAsync();

        var result = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Delivered);
        var entry = Assert.Single(Received);
        var body = entry.RequestMessage!.BodyAsBytes!;
        Assert.Equal("POST", entry.RequestMessage.Method);
        Assert.Equal(e.Id.ToString("D"), Header(entry, "Returns-Event-Id"));
        Assert.Equal("return.created", Header(entry, "Returns-Event-Type"));
        Assert.StartsWith("application/json", Header(entry, "Content-Type"), StringComparison.Ordinal);

        // Verify as an independent receiver would: parse the header, recompute the HMAC over "<t>." + raw body.
        var parts = Header(entry, "Returns-Signature").Split(',').Select(p => p.Split('=', 2)).ToArray();
        Assert.Equal(["t", "v1"], parts.Select(p => p[0]));
        var t = long.Parse(parts[0][1], CultureInfo.InvariantCulture);
        Assert.Equal(_kit.Time.GetUtcNow().ToUnixTimeSeconds(), t);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookTestKit.Secret), (byte[])[.. Encoding.ASCII.GetBytes($"{t}."), .. body]);
        Assert.Equal(Convert.ToHexStringLower(expected), parts[1][1]);
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([WebhookTestKit.Secret], Header(entry, "Returns-Signature"), body, _kit.Time.GetUtcNow(), WebhookSignature.DefaultTolerance));

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["id", "type", "rma", "version", "occurredAt", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(e.Id, root.GetProperty("id").GetGuid());
        Assert.Equal("return.created", root.GetProperty("type").GetString());
        Assert.Equal(e.Rma.Value, root.GetProperty("rma").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt64());
        Assert.Equal(e.OccurredAt, root.GetProperty("occurredAt").GetDateTimeOffset());
        var stored = (await _kit.MessageAsync(e)).Payload;
        Assert.Equal(stored, root.GetProperty("data").GetRawText());
        Assert.Equal(e.Rma, ReturnDocument.Parse(root.GetProperty("data").GetRawText()).Rma);
        Assert.Equal(OutboxMessageState.Delivered, (await _kit.MessageAsync(e)).State);
    }

    [Fact]
    public async Task DispatchOnceAsync_DataWithNonAsciiText_EmbeddedVerbatim()
    {
        Answer(200);
        using var provider = _kit.Build();
        var created = await _kit.CreateReturnAsync();
        var authorized = await _kit.AuthorizeAsync(created.Rma);

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        var body = Received[1].RequestMessage!.BodyAsBytes!;
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal((await _kit.MessageAsync(authorized)).Payload, data.GetRawText());
        Assert.Equal("Größe passt nicht", data.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task DispatchOnceAsync_TwoSecrets_HeaderCarriesAV1ForEach()
    {
        const string next = "whsec_next_7c6b5a4938271605f4e3d2c1b0a9f8e7";
        Answer(200);
        using var provider = _kit.Build(o => o.Secrets.Add(next));
        await _kit.CreateReturnAsync();

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        var entry = Assert.Single(Received);
        var header = Header(entry, "Returns-Signature");
        Assert.Equal(2, header.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal)));
        var body = entry.RequestMessage!.BodyAsBytes!;
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([next], header, body, _kit.Time.GetUtcNow(), WebhookSignature.DefaultTolerance));
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([WebhookTestKit.Secret], header, body, _kit.Time.GetUtcNow(), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public async Task DispatchOnceAsync_EventTypeFilter_SendsOnlyThoseAndCountsTheRestDelivered()
    {
        Answer(200);
        using var provider = _kit.Build(o => o.EventTypes.Add(ReturnEventTypes.Authorized));
        var created = await _kit.CreateReturnAsync();
        var authorized = await _kit.AuthorizeAsync(created.Rma);

        var result = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(2, result.Delivered);
        var entry = Assert.Single(Received);
        Assert.Equal(authorized.Id.ToString("D"), Header(entry, "Returns-Event-Id"));
        Assert.Equal(OutboxMessageState.Delivered, (await _kit.MessageAsync(created)).State);
    }

    [Fact]
    public async Task DispatchOnceAsync_EndpointSlowerThanTheTimeout_FailsAndRetriesLater()
    {
        Answer(200, r => r.WithDelay(TimeSpan.FromSeconds(3)));
        using var provider = _kit.Build(o => o.Timeout = TimeSpan.FromMilliseconds(200));
        var e = await _kit.CreateReturnAsync();

        var result = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Retrying);
        var message = await _kit.MessageAsync(e);
        Assert.Equal("webhook:shop: Webhook 'shop' did not answer within 00:00:00.2000000.", message.LastError);
        Assert.Equal(_kit.Time.GetUtcNow() + _kit.Dispatch.InitialBackoff, message.NextAttemptAt);
    }

    [Fact]
    public async Task DispatchOnceAsync_500Then200_DeliveredOnTheRetryWithAFreshSignature()
    {
        FailThenSucceed(1, () => Response.Create().WithStatusCode(500).WithBody("stack trace with customer jane@example.com"));
        using var provider = _kit.Build();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        var e = await _kit.CreateReturnAsync();

        var first = await dispatcher.DispatchOnceAsync(Ct);
        var failed = await _kit.MessageAsync(e);
        _kit.Time.Advance(_kit.Dispatch.InitialBackoff);
        var second = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(1, first.Retrying);
        Assert.Equal("webhook:shop: Webhook 'shop' answered 500.", failed.LastError);
        Assert.Equal(1, second.Delivered);
        Assert.Equal(OutboxMessageState.Delivered, (await _kit.MessageAsync(e)).State);
        var requests = Received;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(e.Id.ToString("D"), Header(r, "Returns-Event-Id")));
        Assert.NotEqual(Header(requests[0], "Returns-Signature"), Header(requests[1], "Returns-Signature"));
        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify([WebhookTestKit.Secret], Header(requests[1], "Returns-Signature"), requests[1].RequestMessage!.BodyAsBytes!, _kit.Time.GetUtcNow(), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task DispatchOnceAsync_BusyWithRetryAfterSeconds_NextAttemptHonoursIt(int status)
    {
        FailThenSucceed(1, () => Response.Create().WithStatusCode(status).WithHeader("Retry-After", "120"));
        using var provider = _kit.Build();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        var e = await _kit.CreateReturnAsync();

        await dispatcher.DispatchOnceAsync(Ct);
        var message = await _kit.MessageAsync(e);
        _kit.Time.Advance(TimeSpan.FromSeconds(119));
        var early = await dispatcher.DispatchOnceAsync(Ct);
        _kit.Time.Advance(TimeSpan.FromSeconds(1));
        var due = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(_kit.Time.GetUtcNow(), message.NextAttemptAt);
        Assert.Equal($"webhook:shop: Webhook 'shop' answered {status}, asking to retry after 120 s.", message.LastError);
        Assert.Equal(0, early.Leased);
        Assert.Equal(1, due.Delivered);
    }

    [Fact]
    public async Task DispatchOnceAsync_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        var until = _kit.Time.GetUtcNow().AddMinutes(3);
        FailThenSucceed(1, () => Response.Create().WithStatusCode(503).WithHeader("Retry-After", until.ToString("R", CultureInfo.InvariantCulture)));
        using var provider = _kit.Build();
        var e = await _kit.CreateReturnAsync();

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(until, (await _kit.MessageAsync(e)).NextAttemptAt);
    }

    [Fact]
    public async Task DispatchOnceAsync_Redirect_NotFollowedAndCountsAsFailure()
    {
        Answer(302, r => r.WithHeader("Location", _kit.Url("/elsewhere").ToString()));
        using var provider = _kit.Build();
        var e = await _kit.CreateReturnAsync();

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Single(Received);
        Assert.Equal("webhook:shop: Webhook 'shop' answered 302.", (await _kit.MessageAsync(e)).LastError);
    }

    [Fact]
    public async Task DispatchOnceAsync_NobodyListening_FailsWithoutTheUrl()
    {
        var closed = _kit.Url();
        _kit.Server.Stop();
        using var provider = _kit.Build(o => o.Url = new Uri(closed, "?token=s3cr3t"));
        var e = await _kit.CreateReturnAsync();

        var result = await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(1, result.Retrying);
        var error = (await _kit.MessageAsync(e)).LastError!;
        Assert.StartsWith("webhook:shop: Webhook 'shop' could not be reached (", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Authority, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchOnceAsync_FailingMaxAttemptsTimes_DeadLettersThenReplayDeliversAgain()
    {
        _kit.Dispatch.MaxAttempts = 3;
        Answer(500);
        using var provider = _kit.Build();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        var e = await _kit.CreateReturnAsync();

        for (var pass = 0; pass < 3; pass++)
        {
            await dispatcher.DispatchOnceAsync(Ct);
            _kit.Time.Advance(_kit.Dispatch.MaxBackoff);
        }

        var afterDeath = await dispatcher.DispatchOnceAsync(Ct);
        var dead = Assert.Single(await dispatcher.ListDeadLettersAsync(cancellationToken: Ct));
        Assert.Equal(e.Id, dead.Event.Id);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(0, afterDeath.Leased);
        Assert.Equal(3, Received.Count);

        _kit.Server.ResetMappings();
        Answer(200);
        Assert.True(await dispatcher.ReplayAsync(e.Id, Ct));
        var replayed = await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(1, replayed.Delivered);
        Assert.Equal(4, Received.Count);
        Assert.Equal(e.Id.ToString("D"), Header(Received[3], "Returns-Event-Id"));
        Assert.Equal(OutboxMessageState.Delivered, (await _kit.MessageAsync(e)).State);
        Assert.Empty(await dispatcher.ListDeadLettersAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task DispatchOnceAsync_TwoEndpointsOneFailing_RetriesOnlyTheFailingOne()
    {
        _kit.Server.Given(Request.Create().WithPath("/hooks/returns").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        _kit.Server.Given(Request.Create().WithPath("/hooks/erp").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        using var provider = _kit.Build(more: b => b.AddWebhook("erp", o =>
        {
            o.Url = _kit.Url("/hooks/erp");
            o.Secrets.Add(WebhookTestKit.Secret);
        }));
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        var e = await _kit.CreateReturnAsync();

        await dispatcher.DispatchOnceAsync(Ct);
        _kit.Time.Advance(_kit.Dispatch.InitialBackoff);
        await dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(["webhook:shop", "webhook:erp"], dispatcher.SubscriberNames);
        Assert.Equal(["webhook:shop"], (await _kit.MessageAsync(e)).DeliveredTo);
        Assert.Equal(1, Received.Count(r => r.RequestMessage!.Path == "/hooks/returns"));
        Assert.Equal(2, Received.Count(r => r.RequestMessage!.Path == "/hooks/erp"));
    }

    [Fact]
    public async Task AddWebhook_NamedClient_IsTheOneTheSubscriberUses()
    {
        Answer(200);
        var sent = 0;
        using var provider = _kit.Build(more: b => b.Services.AddHttpClient("Returns.Webhooks:shop").AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref sent))));
        await _kit.CreateReturnAsync();

        await provider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

        Assert.Equal(1, sent);
    }

    [Fact]
    public void AddWebhook_SameNameTwice_OneSubscriber()
    {
        using var provider = _kit.Build(more: b => b.AddWebhook("shop", o => o.Timeout = TimeSpan.FromSeconds(3)));

        Assert.Equal(["webhook:shop"], provider.GetRequiredService<OutboxDispatcher>().SubscriberNames);
        Assert.Equal(TimeSpan.FromSeconds(3), provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<WebhookEndpointOptions>>().Get("shop").Timeout);
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
